using Conversations.Infrastructure.Payments;
using Conversations.WebFrontend.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Payments;

/// <summary>RFC 7807 problems of the payment and plan routes.</summary>
public static class PaymentProblems
{
    /// <summary>No Stripe key (or no webhook secret): payments are off on this platform, everything else works.</summary>
    public static ProblemHttpResult NotConfigured(string setting) =>
        TypedResults.Problem(
            title: "Payments are not configured.",
            detail: $"This platform takes no online payments: {StripeOptions.Section}:{setting} is not set. Bookings are paid on site.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["payments"] = ["Payments are not configured."] } });

    public static ProblemHttpResult Of(PaymentRefusal refusal) => refusal.Kind switch
    {
        PaymentRefusalKind.NotFound => FieldProblems.Of(StatusCodes.Status404NotFound, refusal.Field, refusal.Message),
        PaymentRefusalKind.Conflict => FieldProblems.Conflict(refusal.Field, refusal.Message),
        _ => FieldProblems.Of(StatusCodes.Status502BadGateway, refusal.Field, refusal.Message),
    };
}
