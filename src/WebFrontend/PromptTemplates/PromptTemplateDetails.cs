using Conversations.Infrastructure.PromptTemplates;

namespace Conversations.WebFrontend.PromptTemplates;

/// <summary>A template with every saved version, newest first.</summary>
public sealed record PromptTemplateDetails(
    Guid Id,
    string FlowState,
    string Name,
    string Body,
    int Version,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? UpdatedBy,
    IReadOnlyList<PromptTemplateVersion> Versions)
{
    public static PromptTemplateDetails From(PromptTemplate template, IReadOnlyList<PromptTemplateVersion> versions) => new(
        template.Id, PromptFlowStates.Name(template.FlowState), template.Name, template.Body, template.Version, template.IsActive,
        template.CreatedAt, template.UpdatedAt, template.UpdatedBy, versions);
}
