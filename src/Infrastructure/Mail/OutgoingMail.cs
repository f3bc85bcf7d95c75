namespace Conversations.Infrastructure.Mail;

/// <summary>A plain-text e-mail to one recipient.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody);
