namespace Conversations.Infrastructure.Mail;

/// <summary>How the SMTP connection is protected.</summary>
public enum MailTransportSecurity
{
    /// <summary>Plain SMTP (a local relay).</summary>
    None,

    /// <summary>Upgrade with STARTTLS, which the server must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
