using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>
/// The business's active template of the state, or the built-in default when it has none (never seeded,
/// deactivated or deleted), with its variables filled in. Read on every call: one indexed row, so an edit takes
/// effect on the assistant's next turn on every silo.
/// </summary>
public sealed class PostgresPromptTemplates(PromptTemplateStore store) : IPromptTemplates
{
    public async Task<string> RenderAsync(Guid businessId, FlowState state, PromptContext context, CancellationToken cancellationToken)
    {
        var body = await store.ActiveBodyAsync(businessId, state, cancellationToken) ?? DefaultPrompts.Body(state);
        return PromptVariables.Render(body, PromptVariables.Values(context));
    }
}
