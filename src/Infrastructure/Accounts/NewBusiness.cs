namespace Conversations.Infrastructure.Accounts;

/// <summary>Everything a business starts with: its owner, its services and, optionally, a Meta number.</summary>
public sealed record NewBusiness(
    Guid Id,
    string Name,
    string TimeZone,
    NewEmployee Owner,
    IReadOnlyList<NewService> Services,
    NewMetaChannel? Channel);
