namespace Conversations.WebFrontend.Tests.Channels;

public sealed record TwilioNumber(string Number, string AccountSid, string AuthToken);
