namespace Conversations.Infrastructure.Media;

public sealed record StoredMediaFile(Guid Id, string MimeType, string? FileName, long SizeBytes, string Sha256, byte[] Bytes);
