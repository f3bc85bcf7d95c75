using System.Diagnostics;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>The WhatsApp Cloud API (Meta) webhook: the verification handshake, messages and statuses.</summary>
public static class WhatsAppWebhookApi
{
    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        var webhook = app.MapGroup("/api/webhook/whatsapp").WithTags("Webhooks").AllowAnonymous();
        webhook.MapGet("/", VerifyAsync).Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status403Forbidden);
        webhook.MapPost("/", ReceiveAsync);
        return app;
    }

    /// <summary>Meta's webhook verification handshake: echoes hub.challenge when hub.verify_token matches one of the WhatsApp numbers (else 403).</summary>
    internal static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        WhatsAppChannelDirectory channels,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (mode != "subscribe")
        {
            errors["hub.mode"] = ["Must be 'subscribe'."];
        }

        if (string.IsNullOrEmpty(verifyToken))
        {
            errors["hub.verify_token"] = ["Required."];
        }

        if (string.IsNullOrEmpty(challenge))
        {
            errors["hub.challenge"] = ["Required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await channels.FindByVerifyTokenAsync(verifyToken!, cancellationToken) is null)
        {
            return TypedResults.Problem(
                title: "The verify token matches no WhatsApp number.", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Text(challenge, "text/plain");
    }

    /// <summary>Receives Meta's WhatsApp Cloud API events (messages, statuses); X-Hub-Signature-256 must verify with the app secret (else 401). Redeliveries are stored once.</summary>
    internal static async Task<Results<Ok<DeliveryReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        WhatsAppChannelDirectory channels,
        InboundDispatcher dispatcher,
        WebhookLog log,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        void Record(int status, string outcome, string? reason, Guid? businessId = null, int messages = 0, int statuses = 0) =>
            log.Record(new WebhookLogEntry("meta", businessId, status, outcome, reason, messages, statuses, Stopwatch.GetElapsedTime(started)));

        var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            Record(StatusCodes.Status413PayloadTooLarge, "too_large", null);
            return TypedResults.Problem(
                title: $"The body exceeds {WebhookBody.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        MetaWebhookDelivery delivery;
        try
        {
            delivery = MetaWebhookParser.Parse(body);
        }
        catch (MetaWebhookFormatException exception)
        {
            Record(StatusCodes.Status400BadRequest, "malformed", exception.Field);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [exception.Field] = [exception.Message] },
                title: "The body is not a WhatsApp Cloud API webhook.");
        }

        var owners = new Dictionary<string, WhatsAppChannel>(StringComparer.Ordinal);
        foreach (var phoneNumberId in delivery.PhoneNumberIds)
        {
            var channel = await channels.FindByAddressAsync(phoneNumberId, cancellationToken);
            if (channel is null || channel.Provider != ChannelKeys.Meta)
            {
                Record(StatusCodes.Status404NotFound, "unknown_number", "phone_number_id not configured");
                return TypedResults.Problem(
                    title: "No business receives on this WhatsApp number.",
                    detail: $"metadata.phone_number_id '{phoneNumberId}' is not configured.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            owners[phoneNumberId] = channel;
        }

        // Every number the delivery names must vouch for it: a secret of one business never admits
        // messages for another.
        var signature = request.Headers[MetaSignature.HeaderName].ToString();
        if (owners.Count == 0 || owners.Values.Any(c => c.Secrets.AppSecret is not { Length: > 0 } secret || !MetaSignature.IsValid(body, signature, secret)))
        {
            Record(StatusCodes.Status401Unauthorized, "unauthorized", "signature mismatch", owners.Values.FirstOrDefault()?.BusinessId);
            return TypedResults.Problem(
                title: "The X-Hub-Signature-256 header does not match the body.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var messages = delivery.Updates.SelectMany(u => u.Messages.Select(m =>
        {
            var channel = owners[u.PhoneNumberId];
            return new InboundMessage(channel.BusinessId, m.From, m.ProfileName, m.Id, m.Content, m.Timestamp, channel.ChannelKey, m.ContextId);
        })).ToList();
        var statuses = delivery.Updates.SelectMany(u => u.Statuses.Select(s => new DeliveryStatusUpdate(
            owners[u.PhoneNumberId].BusinessId, s.RecipientId, s.MessageId, s.State, s.Timestamp, s.ErrorCode, s.ErrorTitle))).ToList();

        var receipt = await dispatcher.DispatchAsync(messages, statuses);
        Record(StatusCodes.Status200OK, "accepted", null, owners.Values.First().BusinessId, messages.Count, statuses.Count);
        return TypedResults.Ok(receipt);
    }
}
