using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.PromptTemplates;

/// <summary>The flow states as <c>prompt_templates.flow_state</c> and the API write them: snake_case.</summary>
public static class PromptFlowStates
{
    public static readonly IReadOnlyList<FlowState> All = Enum.GetValues<FlowState>();

    public static readonly IReadOnlyList<string> Names = All.Select(Name).ToList();

    public static string Name(FlowState state) => state switch
    {
        FlowState.Greeting => "greeting",
        FlowState.ServiceSelection => "service_selection",
        FlowState.Scheduling => "scheduling",
        FlowState.Confirmation => "confirmation",
        FlowState.Payment => "payment",
        FlowState.Booked => "booked",
        FlowState.Faq => "faq",
        FlowState.Handoff => "handoff",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a flow state."),
    };

    /// <summary>Reads a state name; case and underscores are forgiven (<c>service_selection</c>, <c>serviceSelection</c>).</summary>
    public static bool TryParse(string? value, out FlowState state)
    {
        var wanted = Squash(value ?? "");
        foreach (var candidate in All)
        {
            if (Squash(Name(candidate)) == wanted)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    private static string Squash(string name) => name.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
