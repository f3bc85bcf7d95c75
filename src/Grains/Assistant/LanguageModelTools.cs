using System.Globalization;
using System.Text.Json;
using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.AI;

namespace Conversations.Grains.Assistant;

/// <summary>
/// The tools as the language model sees them (names, descriptions, JSON schemas), and the translation of its
/// calls into <see cref="AssistantTools"/> calls. Arguments are checked here; scope is checked by the tools.
/// </summary>
public sealed class LanguageModelTools(AssistantTools tools, TurnProgress progress, string? lastCustomerText)
{
    public static IReadOnlyList<AITool> Declarations { get; } =
    [
        Declare("list_services", "Lists the business's services with their ids, prices and durations.", "{}"),
        Declare("check_availability", "Free start times of a service on one date (the business's local date).",
            """{"service_id":{"type":"string","description":"The service id from list_services."},"date":{"type":"string","description":"YYYY-MM-DD"}}""",
            "service_id", "date"),
        Declare("create_booking", "Books the customer into a free slot. Only after the customer confirmed service and time.",
            """{"service_id":{"type":"string"},"start":{"type":"string","description":"Local start, YYYY-MM-DDTHH:mm, one of check_availability's slots."},"notes":{"type":"string"}}""",
            "service_id", "start"),
        Declare("create_payment_link", "A payment link for one of the customer's bookings, to send them.",
            """{"booking_id":{"type":"string"}}""", "booking_id"),
        Declare("get_booking_status", "The customer's upcoming bookings, or one of them by id.",
            """{"booking_id":{"type":"string","description":"Optional."}}"""),
        Declare("cancel_booking", "Cancels one of the customer's bookings. Only after the customer asked for it.",
            """{"booking_id":{"type":"string"}}""", "booking_id"),
        Declare("handoff_to_human", "Passes the conversation to a human colleague: when the customer asks for a person, or when you cannot help.",
            """{"reason":{"type":"string"},"intent":{"type":"string","description":"What the customer wants, in a few words."},"summary":{"type":"string","description":"The conversation so far in two or three sentences, for the colleague."}}""",
            "reason", "intent", "summary"),
        Declare("offer_choices", "Shows the customer options to tap (up to 10) with your reply: services, times, or confirm/cancel.",
            """{"options":{"type":"array","items":{"type":"object","properties":{"title":{"type":"string"},"description":{"type":"string"}},"required":["title"]}}}""",
            "options"),
    ];

    public async Task<string> InvokeAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        try
        {
            return call.Name switch
            {
                "list_services" => await ListServicesAsync(cancellationToken),
                "check_availability" => await CheckAvailabilityAsync(call, cancellationToken),
                "create_booking" => await CreateBookingAsync(call, cancellationToken),
                "create_payment_link" => await CreatePaymentLinkAsync(call, cancellationToken),
                "get_booking_status" => await GetBookingStatusAsync(call, cancellationToken),
                "cancel_booking" => await CancelBookingAsync(call, cancellationToken),
                "handoff_to_human" => HandOff(call),
                "offer_choices" => OfferChoices(call),
                _ => Error($"There is no tool named {call.Name}."),
            };
        }
        catch (ArgumentException exception)
        {
            return Error(exception.Message);
        }
    }

    private async Task<string> ListServicesAsync(CancellationToken cancellationToken)
    {
        var services = await tools.ListServicesAsync(cancellationToken);
        if (progress.Memory.State is FlowState.Greeting or FlowState.Faq)
        {
            progress.MoveTo(FlowState.ServiceSelection, "services listed");
        }

        return Json(new
        {
            services = services.Select(s => new { id = s.Id, name = s.Name, description = s.Description, price = s.Price, duration_minutes = s.DurationMinutes }),
        });
    }

    private async Task<string> CheckAvailabilityAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var serviceId = GuidArgument(call, "service_id");
        var date = DateOnly.TryParseExact(Argument(call, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ArgumentException("date must be YYYY-MM-DD.");
        var outcome = await tools.CheckAvailabilityAsync(serviceId, date, cancellationToken);
        if (outcome.Value is not { } day)
        {
            return Error(outcome.Refusal!);
        }

        var service = await tools.FindServiceAsync(serviceId, cancellationToken);
        progress.Memory = progress.Memory with
        {
            ServiceId = serviceId, ServiceName = service?.Name, Date = date, OfferedSlots = day.Slots.Take(10).Select(s => s.Start).ToList(),
        };
        progress.MoveTo(FlowState.Scheduling, "availability checked");
        return Json(new
        {
            date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            time_zone = day.TimeZone,
            free_starts = day.Slots.Select(s => tools.ToLocal(s.Start).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
        });
    }

    private async Task<string> CreateBookingAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var serviceId = GuidArgument(call, "service_id");
        var start = LocalTimeArgument(call, "start");
        var outcome = await tools.CreateBookingAsync(serviceId, start, OptionalArgument(call, "notes"), cancellationToken);
        if (outcome.Value is not { } booking)
        {
            return Error(outcome.Refusal!);
        }

        var payable = await tools.PaymentsEnabledAsync(cancellationToken);
        progress.Memory = progress.Memory with
        {
            ServiceId = booking.ServiceId, ServiceName = booking.ServiceName, Start = booking.Start, BookingId = booking.Id, OfferedSlots = null,
        };
        progress.MoveTo(payable ? FlowState.Payment : FlowState.Booked, "booking created");
        return Json(new
        {
            booking_id = booking.Id,
            service = booking.ServiceName,
            start = tools.ToLocal(booking.Start).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            status = booking.Status,
            payment = payable ? "online payment available: call create_payment_link" : "paid on site",
        });
    }

    private async Task<string> CreatePaymentLinkAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var outcome = await tools.CreatePaymentLinkAsync(GuidArgument(call, "booking_id"), cancellationToken);
        if (outcome.Value is not { } link)
        {
            return Error(outcome.Refusal!);
        }

        progress.MoveTo(FlowState.Payment, "payment link sent");
        return Json(new { url = link.Url });
    }

    private async Task<string> GetBookingStatusAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        if (OptionalArgument(call, "booking_id") is { Length: > 0 })
        {
            var outcome = await tools.GetBookingAsync(GuidArgument(call, "booking_id"), cancellationToken);
            return outcome.Value is { } one ? Json(Describe(one)) : Error(outcome.Refusal!);
        }

        return Json(new { bookings = (await tools.ListBookingsAsync(cancellationToken)).Select(Describe) });
    }

    private async Task<string> CancelBookingAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        var outcome = await tools.CancelBookingAsync(GuidArgument(call, "booking_id"), cancellationToken);
        if (outcome.Value is not { } booking)
        {
            return Error(outcome.Refusal!);
        }

        if (progress.Memory.BookingId == booking.Id)
        {
            progress.Memory = progress.Memory with { BookingId = null, Start = null };
            progress.MoveTo(FlowState.Greeting, "booking cancelled");
        }

        return Json(Describe(booking));
    }

    private string HandOff(FunctionCallContent call)
    {
        progress.Handoff = new AssistantHandoff(
            "model_asked",
            OptionalArgument(call, "intent") ?? "Not given",
            OptionalArgument(call, "summary") ?? OptionalArgument(call, "reason") ?? $"Last message: {lastCustomerText}");
        progress.MoveTo(FlowState.Handoff, "handed off by the model");
        return Json(new { handed_off = true, note = "Tell the customer a colleague will reply here shortly." });
    }

    private string OfferChoices(FunctionCallContent call)
    {
        if (!call.Arguments!.TryGetValue("options", out var raw) || raw is null)
        {
            throw new ArgumentException("options is required.");
        }

        var element = raw is JsonElement json ? json : JsonSerializer.SerializeToElement(raw);
        var options = element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray()
                .Select(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("title", out var t) ? (Title: t.GetString(), Description: o.TryGetProperty("description", out var d) ? d.GetString() : null) : (o.ToString(), null))
                .Where(o => !string.IsNullOrWhiteSpace(o.Title))
                .Take(10)
                .Select((o, i) => new InteractiveReply($"choice:{i + 1}", Clip(o.Title!, 24), o.Description is null ? null : Clip(o.Description, 72)))
                .ToList()
            : [];
        if (options.Count == 0)
        {
            throw new ArgumentException("options must list at least one option with a title.");
        }

        progress.Choices = new ChoicePrompt("Choose", options);
        return Json(new { shown = options.Count });
    }

    private object Describe(BookingView booking) => new
    {
        booking_id = booking.Id,
        service = booking.ServiceName,
        start = tools.ToLocal(booking.Start).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        status = booking.Status,
    };

    private DateTimeOffset LocalTimeArgument(FunctionCallContent call, string name)
    {
        var text = Argument(call, name);
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }

        // Models usually give the business's wall-clock time without an offset: read it in the business's zone.
        return DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? tools.AtLocal(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local))
            : throw new ArgumentException($"{name} must be a local time like 2026-12-24T15:30.");
    }

    private static Guid GuidArgument(FunctionCallContent call, string name) =>
        Guid.TryParse(Argument(call, name), out var id) ? id : throw new ArgumentException($"{name} must be an id as given by the tools.");

    private static string Argument(FunctionCallContent call, string name) =>
        OptionalArgument(call, name) is { Length: > 0 } value ? value : throw new ArgumentException($"{name} is required.");

    private static string? OptionalArgument(FunctionCallContent call, string name) =>
        call.Arguments is not null && call.Arguments.TryGetValue(name, out var value) && value is not null
            ? value is JsonElement { ValueKind: JsonValueKind.String } s ? s.GetString() : value.ToString()
            : null;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Error(string message) => Json(new { error = message });

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static AIFunctionDeclaration Declare(string name, string description, string properties, params string[] required)
    {
        var schema = JsonSerializer.Serialize(new
        {
            type = "object",
            properties = JsonDocument.Parse(properties).RootElement,
            required,
        });
        return AIFunctionFactory.CreateDeclaration(name, description, JsonDocument.Parse(schema).RootElement);
    }
}
