namespace Conversations.Infrastructure.Customers;

/// <summary>Which customers to list: free text over name, phone, e-mail and tags; a tag; VIPs or not.</summary>
public sealed record CustomerFilter(string? Search, string? Tag, bool? Vip)
{
    public static readonly CustomerFilter All = new(null, null, null);
}
