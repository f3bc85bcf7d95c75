using System.Text.Json.Nodes;
using Conversations.Infrastructure.Activity;
using Conversations.WebFrontend.Activity;

namespace Conversations.WebFrontend.Settings;

/// <summary>
/// Records a change of settings in the activity log as the fields that changed, each with its value before and
/// after. Secrets never appear: an API key is recorded as set, replaced or removed.
/// </summary>
public static class SettingsChanges
{
    /// <summary>Fields that follow from others (when it was saved, whether a key is set) rather than being chosen.</summary>
    private static readonly string[] Derived = ["updatedAt", "hasApiKey", "hasEndpoint"];

    /// <param name="section">The path of the changed document within the settings, e.g. <c>ai</c>; null for all of them.</param>
    /// <param name="apiKey">An API key as sent (null: left as it was, empty: removed) and whether one was set before.</param>
    public static Task RecordAsync<T>(
        ActivityRecorder activity, string? section, T before, T after, (string? Sent, bool WasSet) apiKey = default)
    {
        var changes = ActivityDiff.Between(before, after, section);
        foreach (var path in changes.Keys.Where(p => Derived.Contains(p.Split('.')[^1])).ToList())
        {
            changes.Remove(path);
        }

        if (apiKey.Sent is { } sent && (sent.Length > 0 || apiKey.WasSet))
        {
            changes[section is null ? "ai.apiKey" : $"{section}.apiKey"] = new ActivityChange(
                apiKey.WasSet ? JsonValue.Create("set") : null,
                sent.Length == 0 ? null : JsonValue.Create(apiKey.WasSet ? "replaced" : "set"));
        }

        return changes.Count == 0
            ? Task.CompletedTask
            : activity.RecordAsync(ActivityActions.SettingsUpdated, "settings", section, new { changes });
    }
}
