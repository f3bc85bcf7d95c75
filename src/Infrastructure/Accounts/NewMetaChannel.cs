namespace Conversations.Infrastructure.Accounts;

public sealed record NewMetaChannel(string PhoneNumberId, string DisplayPhoneNumber, string AppSecret, string VerifyToken);
