using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Mail;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, TimeProvider time, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = MimeMessages.From(mail, settings, time.GetUtcNow());
        using var client = new SmtpClient();
        var security = settings.Security switch
        {
            MailTransportSecurity.None => SecureSocketOptions.None,
            MailTransportSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(mail.Subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent e-mail \"{Subject}\" over SMTP")]
    private partial void LogSent(string subject);
}
