using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>
/// What a conversation grain persists. Kept small on purpose: the whole record is rewritten on every
/// write, so the transcript lives in the messages table, not here.
/// </summary>
[GenerateSerializer, Alias("conv.ConversationState")]
public sealed class ConversationState
{
    [Id(0)] public Guid BusinessId { get; set; }

    [Id(1)] public string CustomerWaId { get; set; } = "";

    [Id(2)] public string? CustomerName { get; set; }

    [Id(3)] public ConversationMode Mode { get; set; } = ConversationMode.Ai;

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The number the customer last wrote to; replies leave from it.</summary>
    [Id(5)] public string? ChannelKey { get; set; }

    [Id(6)] public ConversationStatus Status { get; set; } = ConversationStatus.Open;

    /// <summary>The employee handling the conversation, when a human does.</summary>
    [Id(7)] public Guid? AssigneeId { get; set; }

    [Id(8)] public List<string> Labels { get; set; } = [];

    [Id(9)] public DateTimeOffset? SnoozedUntil { get; set; }

    /// <summary>When the customer was last asked to rate the conversation; a rating is accepted for a week after.</summary>
    [Id(10)] public DateTimeOffset? RatingRequestedAt { get; set; }

    /// <summary>Who handled the conversation when it was resolved: the rating counts for them.</summary>
    [Id(11)] public Guid? RatedEmployeeId { get; set; }

    /// <summary>After a rating, the customer's next text (within an hour) is taken as its comment.</summary>
    [Id(12)] public DateTimeOffset? RatingCommentInvitedAt { get; set; }

    /// <summary>Where the assistant is in the flow and the booking it is putting together.</summary>
    [Id(13)] public AssistantMemory Assistant { get; set; } = AssistantMemory.Initial;

    /// <summary>The customer was told the business is closed; not again before it has opened (this moment).</summary>
    [Id(14)] public DateTimeOffset? AwayToldUntil { get; set; }

    /// <summary>low, normal, high or urgent; set by automation, read by SLA policies.</summary>
    [Id(15)] public string Priority { get; set; } = ConversationPriorities.Normal;

    /// <summary>The SLA targets running in this cycle (at most two: first response and resolution).</summary>
    [Id(16)] public List<SlaTarget> Sla { get; set; } = [];
}
