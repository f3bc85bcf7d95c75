namespace Conversations.WebFrontend.Settings;

/// <summary>When the assistant hands a customer to the team.</summary>
/// <param name="MaxMisunderstandings">Messages in a row it may not understand; null: the cluster's <c>Conversations:Assistant:MaxMisunderstandings</c>.</param>
/// <param name="Keywords">Words or phrases (lower case) that hand the customer over when a message contains one.</param>
public sealed record HandoffRulesView(int? MaxMisunderstandings, IReadOnlyList<string> Keywords);
