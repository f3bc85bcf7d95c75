namespace Conversations.Infrastructure.Accounts;

/// <summary>A Meta Cloud API number a new business starts with.</summary>
/// <param name="AccessToken">The Graph API token replies are sent with; without one, replies stay in the local outbox.</param>
public sealed record NewMetaChannel(
    string PhoneNumberId, string DisplayPhoneNumber, string AppSecret, string VerifyToken, string? AccessToken = null);
