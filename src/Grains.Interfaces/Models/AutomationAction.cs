namespace Conversations.Grains.Interfaces.Models;

/// <summary>
/// One thing a rule or macro does to a conversation. Which fields count depends on <see cref="Kind"/>:
/// <c>assign</c> (<see cref="EmployeeId"/>), <c>assign_round_robin</c> (an online agent with room), <c>add_label</c>
/// (<see cref="Value"/>), <c>send_canned_response</c> (<see cref="CannedResponseId"/>), <c>send_template</c>
/// (<see cref="Value"/> the approved template's name, <see cref="Language"/>), <c>set_priority</c> (<see cref="Value"/>),
/// <c>set_status</c> (<see cref="Value"/>: open, pending or resolved), <c>hand_off</c>, <c>notify</c>
/// (<see cref="EmployeeId"/>, else the assignee, else the owners and admins; <see cref="Value"/> the text) and
/// <c>call_webhook</c> (the business's endpoints subscribed to <c>automation.triggered</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("automation.Action")]
public sealed record AutomationAction(
    [property: Id(0)] string Kind,
    [property: Id(1)] Guid? EmployeeId = null,
    [property: Id(2)] Guid? CannedResponseId = null,
    [property: Id(3)] string? Value = null,
    [property: Id(4)] string? Language = null)
{
    public const string Assign = "assign";
    public const string AssignRoundRobin = "assign_round_robin";
    public const string AddLabel = "add_label";
    public const string SendCannedResponse = "send_canned_response";
    public const string SendTemplate = "send_template";
    public const string SetPriority = "set_priority";
    public const string SetStatus = "set_status";
    public const string HandOff = "hand_off";
    public const string Notify = "notify";
    public const string CallWebhook = "call_webhook";

    public static IReadOnlyList<string> Kinds { get; } =
        [Assign, AssignRoundRobin, AddLabel, SendCannedResponse, SendTemplate, SetPriority, SetStatus, HandOff, Notify, CallWebhook];
}
