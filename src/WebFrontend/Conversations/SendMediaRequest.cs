namespace Conversations.WebFrontend.Conversations;

public sealed record SendMediaRequest(string? Kind, string? Link, string? FileName);
