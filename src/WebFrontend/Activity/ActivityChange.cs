using System.Text.Json.Nodes;

namespace Conversations.WebFrontend.Activity;

/// <summary>A changed field as the activity log records it: its value before and after.</summary>
public sealed record ActivityChange(JsonNode? From, JsonNode? To);
