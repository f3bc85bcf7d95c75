using System.Text;
using Conversations.Infrastructure.Payments;
using Conversations.WebFrontend.WhatsApp;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Stripe;

namespace Conversations.WebFrontend.Payments;

/// <summary>
/// Stripe's webhook: events of booking payments (paid, expired, refunded) and of the businesses' own
/// subscriptions and invoices, checked against the endpoint's signing secret before anything is read.
/// </summary>
public static class StripeWebhookApi
{
    /// <summary>Stripe's default: a signature older than five minutes is a replay.</summary>
    private const long ToleranceSeconds = 300;

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhook/stripe", ReceiveAsync).WithTags("Webhooks").AllowAnonymous();
        return app;
    }

    public sealed record Receipt(string EventId, string Type, bool Duplicate);

    /// <summary>Receives a Stripe event; the Stripe-Signature header must verify against the webhook secret (else 401). A redelivered event is applied once and answered as a duplicate.</summary>
    internal static async Task<Results<Ok<Receipt>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, StripeEvents events, IOptions<StripeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured || options.Value.WebhookSecret is not { Length: > 0 } secret)
        {
            return PaymentProblems.NotConfigured(options.Value.IsConfigured ? nameof(StripeOptions.WebhookSecret) : nameof(StripeOptions.SecretKey));
        }

        var body = await WebhookBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(title: $"The body exceeds {WebhookBody.MaxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // What EventUtility.ConstructEvent does, in its two steps, so a bad signature (401) is told apart from a
        // body that is not an event (400). The API version is not enforced: we read only fields that every
        // version has, and an endpoint on another version would otherwise fail every delivery.
        var json = Encoding.UTF8.GetString(body);
        try
        {
            EventUtility.ValidateSignature(json, request.Headers["Stripe-Signature"].ToString(), secret, ToleranceSeconds, time.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException)
        {
            return TypedResults.Problem(
                title: "The Stripe-Signature header does not match the body.",
                statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Stripe-Signature"] = ["Invalid or expired signature."] } });
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is StripeException or Newtonsoft.Json.JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Not a Stripe event."] }, title: "The body is not a Stripe event.");
        }

        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["An event has an id and a type."] }, title: "The body is not a Stripe event.");
        }

        var outcome = await events.ApplyAsync(stripeEvent, cancellationToken);
        return TypedResults.Ok(new Receipt(stripeEvent.Id, stripeEvent.Type, outcome == StripeEventOutcome.Duplicate));
    }
}
