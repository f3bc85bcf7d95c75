using System.Diagnostics;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Channels;
using Conversations.WebFrontend.WhatsApp;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Conversations.WebFrontend.Twilio;

/// <summary>Twilio's WhatsApp webhooks: incoming messages and status callbacks, checked with the SDK's validator.</summary>
public static class TwilioWebhookApi
{
    public const string SignatureHeader = "X-Twilio-Signature";

    public static IEndpointRouteBuilder MapTwilioWebhook(this IEndpointRouteBuilder app)
    {
        var webhook = app.MapGroup("/api/webhook/twilio").WithTags("Webhooks").AllowAnonymous().DisableAntiforgery();
        webhook.MapPost("/", ReceiveAsync).WithSummary(
            "Receives an incoming WhatsApp message from Twilio (form-encoded); X-Twilio-Signature must verify with the number's auth token (else 401). Redeliveries are stored once.");
        webhook.MapPost("/status", ReceiveAsync).WithSummary(
            "Receives a Twilio status callback (sent, delivered, read, failed) for an outgoing message; X-Twilio-Signature must verify (else 401).");
        return app;
    }

    internal static async Task<Results<Ok<DeliveryReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        WhatsAppChannelDirectory channels,
        InboundDispatcher dispatcher,
        WebhookLog log,
        IOptions<TwilioOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        void Record(int status, string outcome, string? reason, Guid? businessId = null, int messages = 0, int statuses = 0) =>
            log.Record(new WebhookLogEntry("twilio", businessId, status, outcome, reason, messages, statuses, Stopwatch.GetElapsedTime(started)));

        if (request.ContentLength > WebhookBody.MaxBytes)
        {
            Record(StatusCodes.Status413PayloadTooLarge, "too_large", null);
            return TypedResults.Problem(title: $"The body exceeds {WebhookBody.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!request.HasFormContentType)
        {
            Record(StatusCodes.Status400BadRequest, "malformed", "not a form");
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["$"] = ["Twilio webhooks are application/x-www-form-urlencoded."] });
        }

        var form = (await request.ReadFormAsync(cancellationToken)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var isStatus = request.Path.Value!.EndsWith("/status", StringComparison.Ordinal) || TwilioWebhookParser.IsStatusCallback(form);

        TwilioInbound? inbound = null;
        TwilioStatus? status = null;
        string businessNumber;
        try
        {
            if (isStatus)
            {
                status = TwilioWebhookParser.ParseStatus(form);
                businessNumber = TwilioWebhookParser.Number(form["From"]);
            }
            else
            {
                inbound = TwilioWebhookParser.ParseMessage(form);
                businessNumber = inbound.BusinessNumber;
            }
        }
        catch (MetaWebhookFormatException exception)
        {
            Record(StatusCodes.Status400BadRequest, "malformed", exception.Field);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [exception.Field] = [exception.Message] },
                title: "The body is not a Twilio WhatsApp webhook.");
        }

        var channel = await channels.FindByAddressAsync(businessNumber, cancellationToken);
        if (channel is null || channel.Provider != ChannelKeys.Twilio)
        {
            Record(StatusCodes.Status404NotFound, "unknown_number", "number not configured");
            return TypedResults.Problem(
                title: "No business receives on this WhatsApp number.",
                detail: $"'{businessNumber}' is not a configured Twilio number.",
                statusCode: StatusCodes.Status404NotFound);
        }

        // Twilio signs the URL it called; behind a proxy that is the configured public address, not ours.
        var url = options.Value.PublicBaseUrl is { Length: > 0 } publicBase
            ? $"{publicBase.TrimEnd('/')}{request.Path}{request.QueryString}"
            : $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var signature = request.Headers[SignatureHeader].ToString();
        if (channel.Secrets.AuthToken is not { Length: > 0 } authToken || string.IsNullOrEmpty(signature)
            || !new RequestValidator(authToken).Validate(url, form, signature))
        {
            Record(StatusCodes.Status401Unauthorized, "unauthorized", "signature mismatch", channel.BusinessId);
            return TypedResults.Problem(title: $"The {SignatureHeader} header does not match the request.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var messages = inbound is null
            ? []
            : new[]
            {
                new InboundMessage(channel.BusinessId, inbound.CustomerWaId, inbound.ProfileName, inbound.MessageSid,
                    inbound.Content, time.GetUtcNow(), channel.ChannelKey, inbound.RepliedToSid),
            };
        var statuses = status is null
            ? []
            : new[]
            {
                new DeliveryStatusUpdate(channel.BusinessId, status.CustomerNumber.TrimStart('+'), status.MessageSid, status.State,
                    time.GetUtcNow(), status.ErrorCode, status.ErrorMessage),
            };

        var receipt = await dispatcher.DispatchAsync(messages, statuses);
        Record(StatusCodes.Status200OK, "accepted", null, channel.BusinessId, messages.Length, statuses.Length);
        return TypedResults.Ok(receipt);
    }
}
