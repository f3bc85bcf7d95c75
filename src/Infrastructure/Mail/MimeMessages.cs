using MimeKit;

namespace Conversations.Infrastructure.Mail;

internal static class MimeMessages
{
    public static MimeMessage From(OutgoingMail mail, MailOptions options, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = now,
            Body = new TextPart("plain") { Text = mail.TextBody },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        return message;
    }
}
