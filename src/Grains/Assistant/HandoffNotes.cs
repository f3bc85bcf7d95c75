using System.Globalization;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Assistant;

/// <summary>
/// What an agent is told when a conversation comes to them, built from the assistant's memory (the offline
/// assistant's summary, and the fallback when a model cannot write one), and what the customer is told while
/// they wait.
/// </summary>
public static class HandoffNotes
{
    public const string HoldingMessage =
        "Sorry, I can't answer that properly right now. A member of our team will get back to you here shortly.";

    public const string ColleagueComing = "Of course. I'm passing you to a member of our team, who will reply here shortly.";

    public static AssistantHandoff From(string reason, AssistantMemory memory, string? customerName, string? lastCustomerText, TimeZoneInfo zone)
    {
        var customer = string.IsNullOrWhiteSpace(customerName) ? "The customer" : customerName;
        var intent = Intent(memory, zone);
        var progress = memory.State switch
        {
            FlowState.ServiceSelection => "The assistant was helping them choose a service.",
            FlowState.Scheduling => $"The assistant was finding a time for {memory.ServiceName ?? "a service"}{On(memory.Date)}.",
            FlowState.Confirmation => $"They were about to confirm {memory.ServiceName} at {When(memory.Start, zone)}.",
            FlowState.Payment => $"They booked {memory.ServiceName} at {When(memory.Start, zone)}; payment is pending.",
            FlowState.Booked => $"They booked {memory.ServiceName} at {When(memory.Start, zone)}.",
            FlowState.Faq => "The assistant was answering their questions.",
            _ => "The conversation had just started.",
        };
        var why = reason switch
        {
            "customer_asked" => $"{customer} asked to talk to a person.",
            "keyword" => $"{customer} wrote one of the business's handoff keywords.",
            "model_asked" => "The assistant decided a person should take over.",
            "model_failed" => "The assistant's language model did not answer; the customer was told someone will reply.",
            "not_understood" => "The assistant could not understand the customer.",
            "tool_loop" => "The assistant got stuck and stopped.",
            "assistant_off" => "The assistant is turned off for this business.",
            "plan_limit" => "The plan's AI conversations for this month are used up; the assistant does not start new conversations.",
            "takeover" => "An agent took the conversation over.",
            _ => "The conversation was handed to the team.",
        };
        var last = string.IsNullOrWhiteSpace(lastCustomerText) ? "" : $" Their last message: \"{Shorten(lastCustomerText, 200)}\"";
        return new AssistantHandoff(reason, intent, $"{why} {progress}{last}");
    }

    public static string Intent(AssistantMemory memory, TimeZoneInfo zone) => memory.State switch
    {
        FlowState.ServiceSelection => "Wants to book a service",
        FlowState.Scheduling => $"Wants to book {memory.ServiceName ?? "a service"}{On(memory.Date)}",
        FlowState.Confirmation => $"Wants to book {memory.ServiceName} at {When(memory.Start, zone)}",
        FlowState.Payment => $"Paying for {memory.ServiceName} at {When(memory.Start, zone)}",
        FlowState.Booked => $"Has booked {memory.ServiceName} at {When(memory.Start, zone)}",
        FlowState.Faq => "Has a question",
        _ => "Not yet known",
    };

    private static string On(DateOnly? date) =>
        date is { } d ? " on " + d.ToString("dddd d MMMM", CultureInfo.InvariantCulture) : "";

    private static string When(DateTimeOffset? start, TimeZoneInfo zone) =>
        start is { } s ? TimeZoneInfo.ConvertTime(s, zone).ToString("dddd d MMMM HH:mm", CultureInfo.InvariantCulture) : "a time not yet chosen";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
