using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conversations.WebFrontend.Activity;

/// <summary>
/// The fields that differ between two versions of a document, by JSON path (<c>general.timeZone</c>). Objects are
/// compared field by field; a list is one value, recorded whole when any of it changed.
/// </summary>
public static class ActivityDiff
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SortedDictionary<string, ActivityChange> Between<T>(T before, T after, string? prefix = null)
    {
        var changes = new SortedDictionary<string, ActivityChange>(StringComparer.Ordinal);
        Compare(JsonSerializer.SerializeToNode(before, Json), JsonSerializer.SerializeToNode(after, Json), prefix, changes);
        return changes;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string? path, SortedDictionary<string, ActivityChange> changes)
    {
        if (before is JsonObject from && after is JsonObject to)
        {
            foreach (var name in from.Select(p => p.Key).Union(to.Select(p => p.Key)))
            {
                Compare(from[name], to[name], path is null ? name : $"{path}.{name}", changes);
            }
        }
        else if (!JsonNode.DeepEquals(before, after))
        {
            changes[path ?? ""] = new ActivityChange(before?.DeepClone(), after?.DeepClone());
        }
    }
}
