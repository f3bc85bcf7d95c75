using System.Text.Json;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Automation;

/// <summary>How conditions, actions and outcomes are stored in <c>jsonb</c> columns: camelCase, nulls left out.</summary>
public static class AutomationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<AutomationCondition> Conditions(string json) =>
        JsonSerializer.Deserialize<List<AutomationCondition>>(json, Options) ?? [];

    public static IReadOnlyList<AutomationAction> Actions(string json) =>
        JsonSerializer.Deserialize<List<AutomationAction>>(json, Options) ?? [];

    public static IReadOnlyList<ActionOutcome> Outcomes(string json) =>
        JsonSerializer.Deserialize<List<ActionOutcome>>(json, Options) ?? [];
}
