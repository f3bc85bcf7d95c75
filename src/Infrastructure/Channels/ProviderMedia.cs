namespace Conversations.Infrastructure.Channels;

/// <summary>Media bytes as a provider returned them, or why it did not.</summary>
public sealed record ProviderMedia(byte[]? Bytes, string? MimeType, string? Error = null, bool IsPermanent = false);
