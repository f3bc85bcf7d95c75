namespace Conversations.WebFrontend.Conversations;

/// <summary>A file to send: an https <c>link</c> the provider fetches (with its <c>kind</c>), or <c>mediaId</c>, a file
/// uploaded through <c>POST /api/media</c>, whose kind is read from the file.</summary>
public sealed record SendMediaRequest(string? Kind, string? Link, string? FileName, Guid? MediaId = null);
