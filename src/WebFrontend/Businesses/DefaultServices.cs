using Conversations.Infrastructure.Accounts;

namespace Conversations.WebFrontend.Businesses;

/// <summary>What a business signed up through the API starts with; the owner edits it afterwards.</summary>
public static class DefaultServices
{
    public static IReadOnlyList<NewService> All { get; } =
    [
        new NewService("Consultation", "A first conversation to understand what the customer needs.", 0, "EUR", 30),
    ];
}
