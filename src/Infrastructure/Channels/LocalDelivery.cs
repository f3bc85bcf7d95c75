namespace Conversations.Infrastructure.Channels;

/// <summary>A message the local channel delivered; <see cref="Id"/> is the listing cursor.</summary>
public sealed record LocalDelivery(long Id, Guid MessageId, string Recipient, string Kind, string? Body, DateTimeOffset SentAt);
