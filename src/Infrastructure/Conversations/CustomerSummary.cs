namespace Conversations.Infrastructure.Conversations;

public sealed record CustomerSummary(string WaId, string? Name);
