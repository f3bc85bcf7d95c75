namespace Conversations.Grains.Assistant;

/// <summary>A model endpoint did not answer usefully.</summary>
/// <param name="StatusCode">The HTTP status, when the endpoint answered at all.</param>
/// <param name="IsTransient">A timeout, a 429 or a 5xx: worth one more try.</param>
public sealed class LanguageModelException(string message, int? statusCode, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;

    public bool IsTransient { get; } = isTransient;
}
