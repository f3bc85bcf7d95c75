namespace Conversations.WebFrontend.Customers;

/// <summary>A saved filter: free-text search, a tag, VIPs or not (null: any).</summary>
public sealed record SegmentRequest(string? Name, string? Search, string? Tag, bool? Vip);
