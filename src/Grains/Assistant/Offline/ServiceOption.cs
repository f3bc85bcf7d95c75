namespace Conversations.Grains.Assistant.Offline;

/// <summary>A service as listed to the customer; its position in the list is the number the customer may answer with.</summary>
public sealed record ServiceOption(Guid Id, string Name);
