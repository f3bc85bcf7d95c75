using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Mail;

public static class MailServices
{
    /// <summary>The mail sender: SMTP when <c>Conversations:Mail:Host</c> is set, else the pickup folder.</summary>
    public static IServiceCollection AddConversationsMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), $"{MailOptions.Section}:From must be an e-mail address.")
            .ValidateOnStart();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<PickupFolderMailSender>();
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Host)
            ? sp.GetRequiredService<PickupFolderMailSender>()
            : sp.GetRequiredService<SmtpMailSender>());
        return services;
    }
}
