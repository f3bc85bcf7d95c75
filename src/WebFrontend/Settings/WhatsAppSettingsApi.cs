using System.Security.Claims;
using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Channels;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.RateLimiting;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Settings;

/// <summary>A business's WhatsApp numbers: Meta Cloud API or Twilio, several per business.</summary>
public static partial class WhatsAppSettingsApi
{
    public static IEndpointRouteBuilder MapWhatsAppSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings/whatsapp").WithTags("Settings");
        settings.MapGet("/", ListAsync).RequirePermission(Permissions.SettingsRead);
        settings.MapPost("/", SaveAsync).RequirePermission(Permissions.SettingsManage);
        settings.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.SettingsManage);
        settings.MapPost("/{id:guid}/test-message", SendTestMessageAsync)
            .RequirePermission(Permissions.SettingsManage)
            .RequireRateLimiting(RateLimitPolicies.TestMessage)
            .WithSummary("Sends a test message from one of the business's numbers to a phone, straight through the provider.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>The business's WhatsApp numbers and their providers (meta or twilio); secrets are never returned.</summary>
    internal static async Task<Ok<IReadOnlyList<WhatsAppChannelView>>> ListAsync(
        ClaimsPrincipal user, WhatsAppChannelDirectory channels, CancellationToken cancellationToken)
    {
        var list = await channels.ListAsync(user.GetBusinessId(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WhatsAppChannelView>>(list.Select(WhatsAppChannelView.From).ToList());
    }

    /// <summary>Adds or updates a WhatsApp number with its provider's credentials (meta: phone number id, access token, app secret, verify token; twilio: sender number, account SID, auth token).</summary>
    internal static async Task<Results<Ok<WhatsAppChannelView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        WhatsAppChannelRequest? request,
        ClaimsPrincipal user,
        WhatsAppChannelDirectory channels,
        ChannelSettingsStore store,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var provider = request?.Provider?.Trim().ToLowerInvariant();
        var address = provider switch
        {
            "meta" => request!.PhoneNumberId?.Trim(),
            "twilio" => request!.SenderNumber?.Trim(),
            _ => null,
        };
        if (provider is not ("meta" or "twilio"))
        {
            errors["provider"] = ["Must be 'meta' or 'twilio'."];
            return TypedResults.ValidationProblem(errors);
        }

        var existing = address is null ? null : await channels.FindByAddressAsync(address, cancellationToken);
        var isNew = existing is null || existing.BusinessId != user.GetBusinessId();
        if (provider == "meta")
        {
            Check(errors, "phoneNumberId", address, MetaPhoneNumberId(), "The Cloud API phone number id: digits only.");
            Check(errors, "businessAccountId", request!.BusinessAccountId, MetaPhoneNumberId(), "The WhatsApp business account id: digits only.", optional: true);
            Check(errors, "appSecret", request.AppSecret, Secret(), "The Meta app secret (at least 16 characters).", optional: !isNew);
            Check(errors, "accessToken", request.AccessToken, Secret(), "A Graph API access token.", optional: true);
            Check(errors, "verifyToken", request.VerifyToken, VerifyToken(), "8 to 128 letters, digits, '-', '_' or '.'.", optional: !isNew && existing?.VerifyToken is not null);
        }
        else
        {
            Check(errors, "senderNumber", address, E164(), "The sender number in E.164, e.g. +14155238886.");
            Check(errors, "accountSid", request!.AccountSid, Sid("AC"), "A Twilio account SID (AC followed by 32 hex digits).");
            Check(errors, "authToken", request.AuthToken, Secret(), "The account's auth token.", optional: !isNew);
            Check(errors, "messagingServiceSid", request.MessagingServiceSid, Sid("MG"), "A messaging service SID (MG followed by 32 hex digits).", optional: true);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var registration = new ChannelRegistration(
            provider,
            address!,
            request.DisplayPhoneNumber?.Trim() ?? (provider == "twilio" ? address! : existing?.DisplayPhoneNumber ?? ""),
            provider == "meta" ? request.BusinessAccountId?.Trim() : null,
            provider == "meta" ? request.VerifyToken?.Trim() ?? existing?.VerifyToken : null,
            provider == "twilio" ? request.AccountSid?.Trim() : null,
            provider == "twilio" ? request.MessagingServiceSid?.Trim() : null,
            new ChannelSecrets(request.AccessToken?.Trim(), request.AppSecret?.Trim(), request.AuthToken?.Trim()));

        var saved = await store.SaveAsync(user.GetBusinessId(), registration, cancellationToken);
        return saved is null
            ? TypedResults.Problem(
                title: "This number is connected to another business.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [provider == "meta" ? "phoneNumberId" : "senderNumber"] = ["Already in use."] } },
                statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(WhatsAppChannelView.From(saved));
    }

    /// <summary>Removes a WhatsApp number from the business; its conversations are kept.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, ChannelSettingsStore store, CancellationToken cancellationToken)
    {
        return await store.DeleteAsync(user.GetBusinessId(), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such WhatsApp number.", statusCode: StatusCodes.Status404NotFound);
    }

    public sealed record TestMessageRequest(string? To);

    /// <param name="Accepted">Whether the provider took the message; it may still fail to arrive (see the delivery status in the provider's console).</param>
    /// <param name="ProviderMessageId">The provider's id for the message, when accepted.</param>
    public sealed record TestMessageResult(bool Accepted, string? ProviderMessageId, string? ErrorCode, string? Error, string Sent);

    /// <summary>
    /// Sends a test message from one of the business's numbers to <c>to</c> (E.164), straight through the provider and
    /// outside any conversation: Meta's <c>hello_world</c> template (a business may only open a conversation with a
    /// template), or a plain text on Twilio. A number without sending credentials answers 409.
    /// </summary>
    internal static async Task<Results<Ok<TestMessageResult>, ValidationProblem, ProblemHttpResult>> SendTestMessageAsync(
        Guid id,
        TestMessageRequest? request,
        ClaimsPrincipal user,
        WhatsAppChannelDirectory channels,
        WhatsAppTestMessages messages,
        ActivityRecorder activity,
        CancellationToken cancellationToken)
    {
        var to = request?.To?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (!E164().IsMatch(to))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Your phone number in E.164, e.g. +34600111222."] });
        }

        var channel = (await channels.ListAsync(user.GetBusinessId(), cancellationToken)).FirstOrDefault(c => c.Id == id);
        if (channel is null)
        {
            return TypedResults.Problem(title: "No such WhatsApp number.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!WhatsAppTestMessages.CanSend(channel))
        {
            return TypedResults.Problem(
                title: "This number has no sending credentials.",
                detail: channel.Provider == ChannelKeys.Meta
                    ? "Add the Cloud API access token to send through Meta; until then messages go to the local outbox only."
                    : "Add the Twilio auth token to send through Twilio; until then messages go to the local outbox only.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var result = await messages.SendAsync(channel, to[1..], cancellationToken);
        var sent = channel.Provider == ChannelKeys.Meta ? $"template {WhatsAppTestMessages.MetaTemplate}" : "text";
        await activity.RecordAsync(
            ActivityActions.WhatsAppTestMessageSent,
            "whatsapp_number",
            channel.Id,
            new { to, accepted = result.Accepted, providerMessageId = result.ProviderMessageId, error = result.ErrorCode });
        return TypedResults.Ok(new TestMessageResult(result.Accepted, result.ProviderMessageId, result.ErrorCode, result.ErrorTitle, sent));
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string? value, Regex pattern, string rule, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (!optional)
            {
                errors[field] = [$"Required. {rule}"];
            }

            return;
        }

        if (!pattern.IsMatch(value.Trim()))
        {
            errors[field] = [rule];
        }
    }

    [GeneratedRegex(@"^\d{1,32}$")]
    private static partial Regex MetaPhoneNumberId();

    [GeneratedRegex(@"^\S{16,1024}$")]
    private static partial Regex Secret();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{8,128}$")]
    private static partial Regex VerifyToken();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();

    private static Regex Sid(string prefix) => new($"^{prefix}[0-9a-fA-F]{{32}}$", RegexOptions.CultureInvariant);
}
