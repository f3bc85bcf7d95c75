namespace Conversations.Infrastructure.Analytics;

/// <summary>What one employee did over the range.</summary>
/// <param name="ConversationsHandled">Conversations they wrote in, took over or were given (assigned, auto-assigned, transferred) in the range.</param>
/// <param name="MessagesSent">Their messages to customers in the range.</param>
/// <param name="FirstResponse">Cycles opened in the range whose first employee reply was theirs: from the customer's first message to that reply.</param>
/// <param name="Resolved">Cycles opened in the range that were resolved while assigned to them.</param>
/// <param name="Resolution">Those cycles: from the customer's first message to the resolution.</param>
public sealed record EmployeePerformance(
    Guid EmployeeId,
    string Name,
    string Role,
    long ConversationsHandled,
    long MessagesSent,
    long Takeovers,
    ResponseTimes FirstResponse,
    long Resolved,
    ResponseTimes Resolution);
