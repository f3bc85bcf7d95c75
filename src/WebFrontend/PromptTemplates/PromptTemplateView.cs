using Conversations.Infrastructure.PromptTemplates;

namespace Conversations.WebFrontend.PromptTemplates;

public sealed record PromptTemplateView(
    Guid Id,
    string FlowState,
    string Name,
    string Body,
    int Version,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? UpdatedBy)
{
    public static PromptTemplateView From(PromptTemplate template) => new(
        template.Id, PromptFlowStates.Name(template.FlowState), template.Name, template.Body, template.Version, template.IsActive,
        template.CreatedAt, template.UpdatedAt, template.UpdatedBy);
}
