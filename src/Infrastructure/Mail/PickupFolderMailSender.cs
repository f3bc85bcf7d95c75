using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Mail;

/// <summary>
/// Writes each message as an <c>.eml</c> file (openable by any mail client) when no SMTP server is
/// configured. The log names the file, never the recipient or the links inside.
/// </summary>
public sealed partial class PickupFolderMailSender(
    IOptions<MailOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<PickupFolderMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.PickupFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var path = Path.Combine(folder, $"{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml");
        var message = MimeMessages.From(mail, settings, now);

        // Written under a temporary name and renamed, so a reader never sees half a message.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        LogWritten(mail.Subject, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured: wrote e-mail \"{Subject}\" to {Path}")]
    private partial void LogWritten(string subject, string path);
}
