using System.Globalization;
using Conversations.Grains.Assistant.Offline;
using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>One turn of the offline assistant: reads each new customer message in order and answers it from the flow state.</summary>
internal sealed class OfflineDialogue(
    AssistantTurn turn,
    AssistantProfile profile,
    AssistantTools tools,
    IKnowledgeBase knowledge,
    IntentReader intents,
    WhenParser dates,
    ServiceMatcher serviceNames,
    SlotChooser slotChoices,
    AssistantOptions options,
    CancellationToken cancellationToken)
{
    private const int MaxListRows = 10;
    private const int DaysToSearch = 14;

    private readonly AssistantManner manner = AssistantManner.Of(profile.Settings.Tone);

    public TurnProgress Progress { get; } = new(turn.Memory);

    public List<MessageContent> Replies { get; } = [];

    private AssistantMemory Memory
    {
        get => Progress.Memory;
        set => Progress.Memory = value;
    }

    public async Task HandleAsync(TranscriptLine line)
    {
        var text = (line.Choice?.Title ?? line.Text).Trim();
        var reading = intents.Read(text);
        var understood = await HandleChoiceAsync(line.Choice?.Id)
                         || await HandleAsync(text, reading);
        if (understood)
        {
            Memory = Memory with { Misunderstandings = 0 };
        }
        else
        {
            Misunderstood();
        }
    }

    private async Task<bool> HandleAsync(string text, MessageReading reading)
    {
        if (reading.Intent == CustomerIntent.Human && !reading.IsNegated)
        {
            HandOff("customer_asked", text, manner.ColleagueComing);
            return true;
        }

        if (Memory.CancellingBookingId is { } cancelling && YesOrNo(text, reading) is { } cancel)
        {
            await FinishCancellingAsync(cancelling, cancel);
            return true;
        }

        if (Memory.State == FlowState.Confirmation && YesOrNo(text, reading) is { } confirm)
        {
            if (confirm)
            {
                await BookAsync();
            }
            else
            {
                Say("No problem.");
                Memory = Memory with { Start = null };
                await ScheduleAsync(new RequestedTime(Memory.Date, null, null, false, false));
            }

            return true;
        }

        switch (reading.Intent)
        {
            case CustomerIntent.CancelBooking:
                await AskToCancelAsync();
                return true;
            case CustomerIntent.MyBookings:
                await ListBookingsAsync();
                return true;
        }

        var services = await tools.ListServicesAsync(cancellationToken);
        var requested = dates.Parse(text, tools.LocalNow);
        var offered = Memory.State == FlowState.ServiceSelection && Memory.OfferedServices is { Count: > 0 } ids
            ? ids.Select(id => services.FirstOrDefault(s => s.Id == id)).OfType<ServiceOffer>().ToList()
            : null;
        var match = (offered is not null ? serviceNames.Match(text, Options(offered)) : null) is { Chosen: not null } fromOffered
            ? fromOffered
            : serviceNames.Match(text, Options(services));
        if (match?.Chosen is { } chosenOption)
        {
            await ChooseServiceAsync(services.First(s => s.Id == chosenOption.Id), reading, requested);
            return true;
        }

        if (match is { IsAmbiguous: true })
        {
            OfferServices(services.Where(s => match.Candidates.Any(c => c.Id == s.Id)).ToList(), "Which one do you mean?");
            return true;
        }

        if (Memory.ServiceId is not null && Memory.State is FlowState.Scheduling or FlowState.Confirmation)
        {
            if (Memory.OfferedSlots is { Count: > 0 } slots && slotChoices.Choose(text, slots.Select(tools.ToLocal).ToList(), tools.LocalNow) is { } start)
            {
                Propose(start);
                return true;
            }

            if (requested is not null)
            {
                await ScheduleAsync(requested);
                return true;
            }
        }

        switch (reading.Intent)
        {
            case CustomerIntent.Book or CustomerIntent.ListServices or CustomerIntent.AskPrices:
                if (requested?.Date is { } date)
                {
                    Memory = Memory with { Date = date };
                }

                OfferServices(services, reading.IsGreeting ? Greeting() + " Which service would you like?" : "Here is what we offer. Which service would you like?");
                return true;
            case CustomerIntent.Greeting:
                OfferServices(services, Greeting() + " I can book an appointment for you or answer your questions. What would you like?");
                return true;
            case CustomerIntent.Thanks:
                Say(manner.Thanks);
                return true;
            case CustomerIntent.Goodbye:
                Say(manner.Goodbye);
                return true;
            case CustomerIntent.Confirm or CustomerIntent.Decline when Memory.State is FlowState.Booked or FlowState.Payment:
                Say(reading.Intent == CustomerIntent.Confirm ? "Great! See you soon." : "Alright. Write any time if you need something.");
                return true;
        }

        return await AnswerFromKnowledgeAsync(text, reading);
    }

    /// <summary>A tapped button or list row, by the id we gave it.</summary>
    private async Task<bool> HandleChoiceAsync(string? id)
    {
        if (id is null || id.Split(':') is not [var kind, var value])
        {
            return false;
        }

        var index = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
        switch (kind)
        {
            case "service" when Memory.OfferedServices is { } offered && index >= 0 && index < offered.Count:
                var services = await tools.ListServicesAsync(cancellationToken);
                if (services.FirstOrDefault(s => s.Id == offered[index]) is not { } service)
                {
                    return false;
                }

                await ChooseServiceAsync(service, null, null);
                return true;
            case "slot" when Memory.OfferedSlots is { } slots && index >= 0 && index < slots.Count:
                Propose(slots[index]);
                return true;
            case "confirm" when Memory.CancellingBookingId is { } cancelling:
                await FinishCancellingAsync(cancelling, value == "1");
                return true;
            case "confirm" when Memory.State == FlowState.Confirmation:
                if (value == "1")
                {
                    await BookAsync();
                }
                else
                {
                    Say("No problem.");
                    Memory = Memory with { Start = null };
                    await ScheduleAsync(new RequestedTime(Memory.Date, null, null, false, false));
                }

                return true;
            case "cancel" when index >= 0:
                var bookings = await tools.ListBookingsAsync(cancellationToken);
                if (index >= bookings.Count)
                {
                    return false;
                }

                AskToConfirmCancelling(bookings[index]);
                return true;
            case "menu":
                switch (value)
                {
                    case "book":
                        OfferServices(await tools.ListServicesAsync(cancellationToken), "Which service would you like?");
                        return true;
                    case "bookings":
                        await ListBookingsAsync();
                        return true;
                    case "human":
                        HandOff("customer_asked", "Talk to a person", manner.ColleagueComing);
                        return true;
                }

                return false;
            default:
                return false;
        }
    }

    private async Task ChooseServiceAsync(ServiceOffer service, MessageReading? reading, RequestedTime? requested)
    {
        Memory = Memory with { ServiceId = service.Id, ServiceName = service.Name, OfferedServices = null, OfferedSlots = null, Start = null };
        Progress.MoveTo(FlowState.Scheduling, "service chosen");
        var when = requested ?? (Memory.Date is { } date ? new RequestedTime(date, null, null, false, false) : null);
        if (when is not null && (when.Date is not null || when.Time is not null || when.Part is not null))
        {
            await ScheduleAsync(when);
            return;
        }

        var price = reading?.Intent == CustomerIntent.AskPrices
            ? $"{service.Name} costs {service.Price} and takes {service.DurationMinutes} minutes. Would you like to book it? "
            : $"{service.Name} ({service.Price}, {service.DurationMinutes} min). ";
        Say(price + "Which day suits you? For example \"tomorrow at 3pm\" or \"Friday morning\".");
    }

    /// <summary>Finds free times for the chosen service on the day asked (or the next free day), and offers them.</summary>
    private async Task ScheduleAsync(RequestedTime requested)
    {
        if (requested.HasImpossibleDate)
        {
            Say("That date doesn't exist. Could you check it?");
            return;
        }

        var today = DateOnly.FromDateTime(tools.LocalNow.DateTime);
        // A time alone ("16:30") keeps the day already being discussed; the parser's guess (today or tomorrow) is for when there is none.
        var date = requested.IsDateExplicit ? requested.Date : Memory.Date ?? requested.Date;
        if (date is not { } day)
        {
            Say($"Which day would you like for {Memory.ServiceName}?");
            return;
        }

        if (day < today)
        {
            Say("That day has already passed. Which day would you like?");
            return;
        }

        var availability = await tools.CheckAvailabilityAsync(Memory.ServiceId!.Value, day, cancellationToken);
        if (availability.Value is not { } free)
        {
            Say("Sorry, I can't book that service right now.");
            return;
        }

        Memory = Memory with { Date = day };
        Progress.MoveTo(FlowState.Scheduling, "date chosen");
        var slots = free.Slots.Select(s => s.Start).ToList();
        if (requested.Time is { } time)
        {
            var exact = slots.FirstOrDefault(s => TimeOnly.FromTimeSpan(tools.ToLocal(s).TimeOfDay) == time);
            if (exact != default)
            {
                Propose(exact);
                return;
            }

            var nearest = slots.OrderBy(s => Math.Abs((TimeOnly.FromTimeSpan(tools.ToLocal(s).TimeOfDay) - time).TotalMinutes)).Take(3).Order().ToList();
            if (nearest.Count > 0)
            {
                OfferSlots(nearest, $"{Clock(time)} isn't free on {Day(day)}. The closest free times are:");
                return;
            }
        }
        else if (requested.Part is { } part)
        {
            var inPart = slots.Where(s => DayPartHours.Contains(part, TimeOnly.FromTimeSpan(tools.ToLocal(s).TimeOfDay))).ToList();
            if (inPart.Count > 0)
            {
                OfferSlots(inPart, $"Free times on {Day(day)} {PartName(part)}:");
                return;
            }
        }
        else if (slots.Count > 0)
        {
            OfferSlots(slots, $"Free times on {Day(day)}:");
            return;
        }

        if (slots.Count > 0)
        {
            OfferSlots(slots, $"Nothing is free then on {Day(day)}, but these times are:");
            return;
        }

        for (var next = day.AddDays(1); next <= day.AddDays(DaysToSearch); next = next.AddDays(1))
        {
            var later = await tools.CheckAvailabilityAsync(Memory.ServiceId!.Value, next, cancellationToken);
            if (later.Value is { Slots.Count: > 0 } found)
            {
                Memory = Memory with { Date = next };
                OfferSlots(found.Slots.Select(s => s.Start).ToList(), $"{Day(day)} is fully booked. The next free day is {Day(next)}:");
                return;
            }
        }

        Say($"Sorry, {Memory.ServiceName} is fully booked for the next two weeks. Would you like a colleague to help?");
    }

    private void OfferSlots(IReadOnlyList<DateTimeOffset> slots, string intro)
    {
        var shown = slots.Count <= MaxListRows ? slots : Spread(slots, MaxListRows);
        var sameDay = shown.Select(s => tools.ToLocal(s).Date).Distinct().Count() == 1;
        Memory = Memory with { OfferedSlots = shown.ToList(), Start = null };
        Progress.MoveTo(FlowState.Scheduling, "times offered");
        var options = shown.Select((s, i) => new InteractiveReply(
            $"slot:{i + 1}",
            sameDay ? tools.ToLocal(s).ToString("HH:mm", CultureInfo.InvariantCulture) : tools.ToLocal(s).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)))
            .ToList();
        Replies.Add(new MessageContent("text", $"{intro}\nWhich time would you like?", Choices: new ChoicePrompt("Times", options)));
    }

    private void Propose(DateTimeOffset start)
    {
        Memory = Memory with { Start = start, Date = DateOnly.FromDateTime(tools.ToLocal(start).DateTime) };
        Progress.MoveTo(FlowState.Confirmation, "time chosen");
        Replies.Add(new MessageContent(
            "text",
            $"{Memory.ServiceName} on {Moment(start)}. Shall I book it?",
            Choices: new ChoicePrompt("Confirm", [new InteractiveReply("confirm:1", "Yes, book it"), new InteractiveReply("confirm:2", "No")])));
    }

    private async Task BookAsync()
    {
        var outcome = await tools.CreateBookingAsync(Memory.ServiceId!.Value, Memory.Start!.Value, null, cancellationToken);
        if (outcome.Value is not { } booking)
        {
            Say(outcome.Refusal!.StartsWith("That time is no longer free", StringComparison.Ordinal)
                ? "Sorry, that time was just taken."
                : "Sorry, I couldn't book that.");
            Memory = Memory with { Start = null };
            await ScheduleAsync(new RequestedTime(Memory.Date, null, null, false, false));
            return;
        }

        Memory = Memory with { BookingId = booking.Id, Start = booking.Start, OfferedSlots = null };
        var payable = await tools.PaymentsEnabledAsync(cancellationToken);
        if (payable && await tools.CreatePaymentLinkAsync(booking.Id, cancellationToken) is { Value.Url: { } url })
        {
            Progress.MoveTo(FlowState.Payment, "booked, payment link sent");
            Say($"You're booked for {booking.ServiceName} on {Moment(booking.Start)}. You can pay here: {url}");
            return;
        }

        Progress.MoveTo(FlowState.Booked, "booked");
        var payment = payable ? "" : " Payment is on site, at your appointment.";
        Say($"You're booked for {booking.ServiceName} on {Moment(booking.Start)}.{payment} You'll get a confirmation in a moment. Anything else I can help with?");
    }

    private async Task ListBookingsAsync()
    {
        var bookings = await tools.ListBookingsAsync(cancellationToken);
        Say(bookings.Count == 0
            ? "You have no upcoming bookings. Would you like to make one?"
            : "Your upcoming bookings:\n" + string.Join('\n', bookings.Select(b => $"• {b.ServiceName}, {Moment(b.Start)} ({b.Status})")));
    }

    private async Task AskToCancelAsync()
    {
        var bookings = await tools.ListBookingsAsync(cancellationToken);
        switch (bookings.Count)
        {
            case 0:
                Say("You have no upcoming bookings to cancel.");
                break;
            case 1:
                AskToConfirmCancelling(bookings[0]);
                break;
            default:
                Replies.Add(new MessageContent(
                    "text",
                    "Which booking would you like to cancel?",
                    Choices: new ChoicePrompt("Bookings", bookings.Take(MaxListRows)
                        .Select((b, i) => new InteractiveReply($"cancel:{i + 1}", Clip(b.ServiceName, 24), Moment(b.Start))).ToList())));
                break;
        }
    }

    private void AskToConfirmCancelling(BookingView booking)
    {
        Memory = Memory with { CancellingBookingId = booking.Id };
        Replies.Add(new MessageContent(
            "text",
            $"Cancel your {booking.ServiceName} on {Moment(booking.Start)}?",
            Choices: new ChoicePrompt("Cancel", [new InteractiveReply("confirm:1", "Yes, cancel it"), new InteractiveReply("confirm:2", "No, keep it")])));
    }

    private async Task FinishCancellingAsync(Guid bookingId, bool cancel)
    {
        Memory = Memory with { CancellingBookingId = null };
        if (!cancel)
        {
            Say("Alright, your booking stays as it is.");
            return;
        }

        var outcome = await tools.CancelBookingAsync(bookingId, cancellationToken);
        if (outcome.Value is not { } cancelled)
        {
            Say("Sorry, I couldn't cancel that booking. A colleague can help if you like.");
            return;
        }

        if (Memory.BookingId == cancelled.Id)
        {
            Memory = Memory with { BookingId = null, Start = null, ServiceId = null, ServiceName = null };
            Progress.MoveTo(FlowState.Greeting, "booking cancelled");
        }

        Say($"Your {cancelled.ServiceName} on {Moment(cancelled.Start)} is cancelled. Would you like to book another time?");
    }

    private async Task<bool> AnswerFromKnowledgeAsync(string text, MessageReading reading)
    {
        var answers = await knowledge.SearchAsync(turn.BusinessId, text, 1, cancellationToken);
        if (answers.Count > 0)
        {
            if (Memory.State is FlowState.Greeting or FlowState.Booked)
            {
                Progress.MoveTo(FlowState.Faq, "question answered");
            }

            var greeting = reading.IsGreeting ? Greeting() + " " : "";
            foreach (var part in WhatsAppText.Split(greeting + answers[0].Body))
            {
                Say(part);
            }

            return true;
        }

        if (reading.IsQuestion)
        {
            Replies.Add(new MessageContent(
                "text",
                "I'm sorry, I don't know the answer to that, and I'd rather not guess. Shall I ask a colleague?",
                Choices: new ChoicePrompt("Options", [new InteractiveReply("menu:human", "Ask a colleague"), new InteractiveReply("menu:book", "Book instead")])));
            return true;
        }

        return false;
    }

    private void Misunderstood()
    {
        Memory = Memory with { Misunderstandings = Memory.Misunderstandings + 1 };
        if (Memory.Misunderstandings > (profile.Settings.MaxMisunderstandings ?? options.MaxMisunderstandings))
        {
            HandOff("not_understood", null, "I'm sorry I couldn't help. I'm passing you to a member of our team, who will reply here shortly.");
            return;
        }

        Replies.Add(new MessageContent(
            "text",
            "Sorry, I didn't quite get that. I can book an appointment, tell you about your bookings, or get you a person.",
            Choices: new ChoicePrompt("Options",
            [
                new InteractiveReply("menu:book", "Book"),
                new InteractiveReply("menu:bookings", "My bookings"),
                new InteractiveReply("menu:human", "Talk to a person"),
            ])));
    }

    private void OfferServices(IReadOnlyList<ServiceOffer> services, string intro)
    {
        if (services.Count == 0)
        {
            Say(intro.Split(" Which")[0].Split(" I can")[0] + " We don't take bookings over WhatsApp at the moment, but I can answer questions or get you a colleague.");
            return;
        }

        var shown = services.Take(MaxListRows).ToList();
        Memory = Memory with { OfferedServices = shown.Select(s => s.Id).ToList() };
        Progress.MoveTo(FlowState.ServiceSelection, "services offered");
        var options = shown.Select((s, i) => new InteractiveReply($"service:{i + 1}", Clip(s.Name, 24), $"{s.Price} · {s.DurationMinutes} min")).ToList();
        var more = services.Count > shown.Count ? "\nOr type the name of another service." : "";
        Replies.Add(new MessageContent("text", intro + more, Choices: new ChoicePrompt("Services", options)));
    }

    private void HandOff(string reason, string? lastText, string message)
    {
        Progress.Handoff = HandoffNotes.From(reason, Memory, turn.CustomerName, lastText, tools.Zone);
        Progress.MoveTo(FlowState.Handoff, reason == "customer_asked" ? "customer asked for a person" : "not understood");
        Say(message);
    }

    /// <summary>Yes or no, by word or by the number of the button as numbered text shows it.</summary>
    private static bool? YesOrNo(string text, MessageReading reading) => text switch
    {
        "1" => true,
        "2" => false,
        _ => reading.Intent switch
        {
            CustomerIntent.Confirm => true,
            CustomerIntent.Decline => false,
            _ => null,
        },
    };

    private string Greeting() =>
        manner.Greeting(string.IsNullOrWhiteSpace(turn.CustomerName) ? null : turn.CustomerName.Split(' ')[0], profile.BusinessName, tools.LocalNow.Hour);

    private void Say(string text) => Replies.Add(MessageContent.PlainText(text));

    private string Moment(DateTimeOffset start) =>
        tools.ToLocal(start).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string PartName(DayPart part) => part switch
    {
        DayPart.Morning => "in the morning",
        DayPart.Afternoon => "in the afternoon",
        _ => "in the evening",
    };

    private static List<ServiceOption> Options(IEnumerable<ServiceOffer> services) => services.Select(s => new ServiceOption(s.Id, s.Name)).ToList();

    /// <summary>At most <paramref name="count"/> slots spread over the day, so a long day is not only its first hours.</summary>
    private static List<DateTimeOffset> Spread(IReadOnlyList<DateTimeOffset> slots, int count) =>
        Enumerable.Range(0, count).Select(i => slots[i * (slots.Count - 1) / (count - 1)]).Distinct().ToList();

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
