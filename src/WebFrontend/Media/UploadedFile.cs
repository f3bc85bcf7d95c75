namespace Conversations.WebFrontend.Media;

/// <summary>An uploaded file, held in a temporary file that is deleted when this is disposed.</summary>
public sealed class UploadedFile(string? clientFileName, FileStream content) : IAsyncDisposable
{
    /// <summary>The name the client gave it; a hint for the download name, never for its type.</summary>
    public string? ClientFileName { get; } = clientFileName;

    /// <summary>The bytes, seekable, positioned at the start.</summary>
    public Stream Content => content;

    public long Length => content.Length;

    public ValueTask DisposeAsync() => content.DisposeAsync();
}
