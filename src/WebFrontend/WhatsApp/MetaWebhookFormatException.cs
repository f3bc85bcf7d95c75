namespace Conversations.WebFrontend.WhatsApp;

/// <summary>The body is not a WhatsApp Cloud API webhook; <see cref="Field"/> is the JSON path at fault.</summary>
public sealed class MetaWebhookFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
