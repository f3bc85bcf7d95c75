using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Assistant;

/// <summary>Flow states as stored and shown: snake_case (<c>service_selection</c>).</summary>
public static class FlowStateNames
{
    public static string Of(FlowState state) => state switch
    {
        FlowState.Greeting => "greeting",
        FlowState.ServiceSelection => "service_selection",
        FlowState.Scheduling => "scheduling",
        FlowState.Confirmation => "confirmation",
        FlowState.Payment => "payment",
        FlowState.Booked => "booked",
        FlowState.Faq => "faq",
        FlowState.Handoff => "handoff",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
