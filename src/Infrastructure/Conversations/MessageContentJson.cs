using System.Text.Json;
using System.Text.Json.Serialization;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Conversations;

/// <summary>How message content is kept in the <c>messages.content</c> JSON column.</summary>
public static class MessageContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(MessageContent content) => JsonSerializer.Serialize(content, Options);

    public static MessageContent Deserialize(string json) =>
        JsonSerializer.Deserialize<MessageContent>(json, Options) ?? throw new JsonException("Empty message content.");
}
