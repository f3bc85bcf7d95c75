using Conversations.Grains.Interfaces.Models;
using Orleans.Concurrency;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// The assistant of one conversation (same key as its <see cref="IConversationGrain"/>): composes replies with
/// the business's offline assistant or language model, one turn at a time, and hands each back with
/// <see cref="IConversationGrain.CompleteTurnAsync"/>. The conversation grain never waits for it, so a
/// takeover is never held up by a model call.
/// </summary>
public interface IAssistantGrain : IGrainWithGuidKey
{
    /// <summary>Answers the customer's newest messages; always ends in <see cref="IConversationGrain.CompleteTurnAsync"/>.</summary>
    [OneWay]
    Task RespondAsync(AssistantTurn turn);

    /// <summary>
    /// An employee took the conversation over: the turn may still finish (its reply becomes a draft), but it
    /// does nothing more on the customer's behalf (no booking, cancellation or payment link).
    /// </summary>
    [OneWay, AlwaysInterleave]
    Task StopAsync(Guid turnId);

    /// <summary>Writes the summary an agent gets when they take the conversation from the assistant.</summary>
    [OneWay]
    Task SummarizeAsync(HandoffRequest request);
}
