using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Media;

/// <summary>
/// Media in a local (or mounted) folder: <c>{root}/{business}/{last two hex digits of the id}/{id}</c>. Files are
/// named by their random id, never by anything a client chose, and the folder is never served as such.
/// </summary>
public sealed partial class LocalDiskMediaStorage(IOptions<MediaOptions> options, IHostEnvironment environment) : IMediaStorage
{
    public const string StorageName = "disk";

    private readonly string root = Path.GetFullPath(options.Value.Root, environment.ContentRootPath);

    public string Name => StorageName;

    /// <summary>The folder files are kept in.</summary>
    public string Root => root;

    public async Task<string> SaveAsync(Guid businessId, Guid mediaId, Stream content, CancellationToken cancellationToken)
    {
        var id = mediaId.ToString("N");
        var key = $"{businessId:N}/{id[^2..]}/{id}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written aside and renamed into place, so a reader never sees half a file; flushed to the disk before the
        // row that points at it is committed.
        var partial = $"{path}.partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(
                PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>The key's file under the root; a key this storage could not have made is refused, whatever the row says.</summary>
    private string PathOf(string key) =>
        Key().IsMatch(key) ? Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar)) : throw new ArgumentException("Not a media key.", nameof(key));

    [GeneratedRegex("^[0-9a-f]{32}/[0-9a-f]{2}/[0-9a-f]{32}$")]
    private static partial Regex Key();
}
