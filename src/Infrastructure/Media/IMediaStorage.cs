namespace Conversations.Infrastructure.Media;

/// <summary>
/// Where media bytes are kept. <c>media_files</c> holds what a file is (owner, type, name, size, hash) and its
/// storage's name and key; the storage holds the bytes under that key and nothing else. Keys are made by the
/// storage and are never shown to clients: files are only served through <c>GET /api/media/{id}</c>.
/// </summary>
public interface IMediaStorage
{
    /// <summary>The name recorded with each file (<c>media_files.storage</c>).</summary>
    string Name { get; }

    /// <summary>Writes <paramref name="content"/> durably and returns its key.</summary>
    Task<string> SaveAsync(Guid businessId, Guid mediaId, Stream content, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when it is not there.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the file; deleting one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
