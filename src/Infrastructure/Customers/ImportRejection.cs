namespace Conversations.Infrastructure.Customers;

/// <summary>A CSV row that was not imported: its line number (the header is line 1), the column at fault and why.</summary>
public sealed record ImportRejection(int Line, string Field, string Reason);
