using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>A business's prompt for one flow state, as it stands (its current version).</summary>
public sealed record PromptTemplate(
    Guid Id,
    FlowState FlowState,
    string Name,
    string Body,
    int Version,
    bool IsActive,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? UpdatedBy);
