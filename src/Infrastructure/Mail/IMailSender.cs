namespace Conversations.Infrastructure.Mail;

/// <summary>Sends e-mail: over SMTP, or into the pickup folder when no server is configured.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
