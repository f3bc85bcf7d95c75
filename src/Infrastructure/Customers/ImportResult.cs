namespace Conversations.Infrastructure.Customers;

/// <summary>What an import did: customers created, existing ones (same phone) merged into, rows rejected.</summary>
public sealed record ImportResult(string Mode, bool Applied, int Created, int Merged, IReadOnlyList<ImportRejection> Rejected);
