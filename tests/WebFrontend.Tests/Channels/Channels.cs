using System.Net.Http.Json;

namespace Conversations.WebFrontend.Tests.Channels;

/// <summary>Configures tenants' numbers through the settings API, as an owner would.</summary>
public static class Channels
{
    public static async Task ConnectMetaAsync(HttpClient owner, TestTenant tenant, string accessToken = "EAAG-test-access-token-0123456789")
    {
        using var response = await owner.PostAsJsonAsync("/api/settings/whatsapp", new
        {
            provider = "meta",
            phoneNumberId = tenant.PhoneNumberId,
            accessToken,
            verifyToken = tenant.VerifyToken,
        });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<TwilioNumber> ConnectTwilioAsync(HttpClient owner)
    {
        var number = new TwilioNumber(
            $"+1555{Random.Shared.Next(1_000_000, 9_999_999)}",
            $"AC{Guid.NewGuid():N}",
            $"{Guid.NewGuid():N}");
        using var response = await owner.PostAsJsonAsync("/api/settings/whatsapp", new
        {
            provider = "twilio",
            senderNumber = number.Number,
            accountSid = number.AccountSid,
            authToken = number.AuthToken,
        });
        response.EnsureSuccessStatusCode();
        return number;
    }

    public static async Task<HttpResponseMessage> SendTextAsync(HttpClient agent, Guid conversationId, string text, Guid? clientMessageId = null) =>
        await agent.PostAsJsonAsync("/api/messages", new { conversationId, text, clientMessageId });
}
