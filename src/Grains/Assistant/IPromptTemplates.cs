using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>The businesses' prompt templates: the system prompt the language model gets in each flow state.</summary>
public interface IPromptTemplates
{
    /// <summary>
    /// The business's active template for the flow state (the built-in default when the business has none),
    /// with its variables filled in from <paramref name="context"/>.
    /// </summary>
    Task<string> RenderAsync(Guid businessId, FlowState state, PromptContext context, CancellationToken cancellationToken);
}
