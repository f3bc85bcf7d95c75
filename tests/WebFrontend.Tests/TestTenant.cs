namespace Conversations.WebFrontend.Tests;

public sealed record TestTenant(
    Guid BusinessId,
    string OwnerEmail,
    string OwnerPassword,
    string PhoneNumberId,
    string AppSecret,
    string VerifyToken);
