using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Encrypts channel credentials at rest with ASP.NET Core Data Protection. The key ring lives in
/// PostgreSQL (<see cref="PostgresKeyRing"/>), so every silo and frontend can read what another wrote.
/// </summary>
public sealed class ChannelSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Conversations.WhatsAppChannels.Secrets.v1");

    public string Protect(ChannelSecrets secrets) => protector.Protect(JsonSerializer.Serialize(secrets));

    public ChannelSecrets Unprotect(string protectedSecrets) =>
        JsonSerializer.Deserialize<ChannelSecrets>(protector.Unprotect(protectedSecrets)) ?? new ChannelSecrets();
}
