namespace Conversations.Grains.Conversations;

/// <summary>One running SLA target of a conversation; its row in <c>sla_targets</c> has the same id.</summary>
[GenerateSerializer, Alias("conv.SlaTarget")]
public sealed class SlaTarget
{
    [Id(0)] public Guid Id { get; set; }

    [Id(1)] public Guid PolicyId { get; set; }

    /// <summary><c>first_response</c> or <c>resolution</c>.</summary>
    [Id(2)] public string Metric { get; set; } = "";

    [Id(3)] public DateTimeOffset StartedAt { get; set; }

    [Id(4)] public DateTimeOffset WarnAt { get; set; }

    [Id(5)] public DateTimeOffset DueAt { get; set; }

    [Id(6)] public DateTimeOffset? WarnedAt { get; set; }
}
