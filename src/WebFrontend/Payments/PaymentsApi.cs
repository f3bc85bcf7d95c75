using System.Security.Claims;
using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Payments;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Payments;

/// <summary>
/// Booking payments for agents: a booking's payment link (made or reused, optionally sent to the customer),
/// its payments, and the business's payment policy. Everything is confined to the caller's business.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bookings/{id:guid}/payment-link", CreateLinkAsync).WithTags("Payments").RequirePermission(Permissions.BookingsWrite);
        app.MapGet("/api/bookings/{id:guid}/payments", ListAsync).WithTags("Payments").RequirePermission(Permissions.BookingsRead);
        var settings = app.MapGroup("/api/payments/settings").WithTags("Payments");
        settings.MapGet("/", GetSettingsAsync).RequirePermission(Permissions.SettingsRead);
        settings.MapPatch("/", UpdateSettingsAsync).RequirePermission(Permissions.SettingsManage);
        return app;
    }

    /// <param name="Send">Also send the link to the customer over WhatsApp, as the calling employee.</param>
    public sealed record PaymentLinkRequest(bool? Send);

    public sealed record PaymentLinkView(PaymentView Payment, bool Reused, bool Sent, string? NotSentBecause);

    public sealed record PaymentSettingsRequest(bool? OnlinePayments, string? RefundPolicy, int? RefundWindowHours);

    /// <param name="Configured">Whether the platform has a Stripe account; without one bookings are paid on site whatever the settings say.</param>
    public sealed record PaymentSettingsView(bool Configured, bool OnlinePayments, string RefundPolicy, int? RefundWindowHours);

    /// <summary>Creates (or reuses) a Stripe payment link for a booking and sends it to the customer where it can; needs Stripe configured.</summary>
    internal static async Task<Results<Ok<PaymentLinkView>, ProblemHttpResult>> CreateLinkAsync(
        Guid id, PaymentLinkRequest? request, ClaimsPrincipal user, IBookings bookings, StripeAccount stripe, StripePaymentLinks links,
        PaymentNotices notices, CancellationToken cancellationToken)
    {
        // Another business's booking is not found, whether or not payments are configured.
        var businessId = user.GetBusinessId();
        if (await bookings.GetAsync(businessId, id, cancellationToken) is null)
        {
            return FieldProblems.NotFound("booking");
        }

        if (!stripe.IsConfigured)
        {
            return PaymentProblems.NotConfigured(nameof(StripeOptions.SecretKey));
        }

        var outcome = await links.ProvideAsync(businessId, id, cancellationToken);
        if (outcome.Payment is not { } payment)
        {
            return PaymentProblems.Of(outcome.Refusal!);
        }

        var sent = false;
        string? notSent = null;
        if (request?.Send == true)
        {
            var sending = await notices.LinkAsync(businessId, payment, user.GetEmployeeId(), cancellationToken);
            sent = sending?.Message is not null;
            notSent = sending is null ? "The customer has no WhatsApp conversation."
                : sending.Refusal == SendRefusal.TemplateRequired ? "The 24-hour window is closed; a link can only be sent in it."
                : sending.Refusal?.ToString();
        }

        return TypedResults.Ok(new PaymentLinkView(payment, outcome.Reused, sent, notSent));
    }

    /// <summary>The payments of a booking: each payment link's amount, status and refunds.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<PaymentView>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, BookingPayments payments, CancellationToken cancellationToken) =>
        await payments.ListAsync(user.GetBusinessId(), id, cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : FieldProblems.NotFound("booking");

    /// <summary>The business's payment settings: online payments on or off, refund policy and window, and whether Stripe is configured.</summary>
    internal static async Task<Ok<PaymentSettingsView>> GetSettingsAsync(
        ClaimsPrincipal user, PaymentSettingsStore settings, StripeAccount stripe, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(stripe, await settings.GetAsync(user.GetBusinessId(), cancellationToken)));

    /// <summary>Changes online payments and the refund policy (with its window in hours for full-before-window); fields left out keep their value.</summary>
    internal static async Task<Results<Ok<PaymentSettingsView>, ValidationProblem, ProblemHttpResult>> UpdateSettingsAsync(
        PaymentSettingsRequest? request, ClaimsPrincipal user, PaymentSettingsStore settings, StripeAccount stripe, ActivityRecorder activity,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var current = await settings.GetAsync(businessId, cancellationToken);
        var policy = request?.RefundPolicy ?? current.RefundPolicy;
        var window = request?.RefundWindowHours ?? (policy == RefundPolicy.FullBeforeWindow ? current.RefundWindowHours : null);
        var errors = new Dictionary<string, string[]>();
        if (request is null || (request.OnlinePayments, request.RefundPolicy, request.RefundWindowHours) == (null, null, null))
        {
            errors["refundPolicy"] = ["Give onlinePayments, refundPolicy or refundWindowHours to change."];
        }
        else if (!RefundPolicy.All.Contains(policy))
        {
            errors["refundPolicy"] = [$"One of: {string.Join(", ", RefundPolicy.All)}."];
        }
        else if (policy == RefundPolicy.FullBeforeWindow && window is not (>= 1 and <= 8760))
        {
            errors["refundWindowHours"] = ["With full_before_window: the hours (1–8760) before the start until which a cancellation is refunded."];
        }
        else if (policy != RefundPolicy.FullBeforeWindow && request.RefundWindowHours is not null)
        {
            errors["refundWindowHours"] = ["Only the full_before_window policy has a window."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var saved = await settings.SaveAsync(
            businessId,
            new PaymentSettings(request!.OnlinePayments ?? current.OnlinePayments, policy, policy == RefundPolicy.FullBeforeWindow ? window : null),
            cancellationToken);
        await SettingsChanges.RecordAsync(activity, "payments", current, saved);
        return TypedResults.Ok(View(stripe, saved));
    }

    private static PaymentSettingsView View(StripeAccount stripe, PaymentSettings settings) =>
        new(stripe.IsConfigured, settings.OnlinePayments, settings.RefundPolicy, settings.RefundWindowHours);
}
