using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Infrastructure.Integrations;

/// <summary>Endpoint signing secrets at rest, under the platform's Data Protection key ring (shared by every node).</summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Conversations.Webhooks.Secrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
