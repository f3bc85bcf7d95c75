using Conversations.WebFrontend.Bookings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Conversations.WebFrontend.Media;

/// <summary>
/// Reads the <c>file</c> field of a <c>multipart/form-data</c> request into a temporary file, refusing more than the
/// limit as it reads (413) rather than after buffering whatever was sent.
/// </summary>
public static class MultipartUpload
{
    public const string Field = "file";

    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    private const long Envelope = 64 * 1024;

    public static async Task<(UploadedFile? File, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, FieldProblems.Of(StatusCodes.Status400BadRequest, Field, "Send the file as multipart/form-data, in a field named 'file'."));
        }

        if (request.ContentLength > maxBytes + Envelope)
        {
            return (null, TooLarge(maxBytes));
        }

        // The server's own limit on request bodies (30 MB in Kestrel) is set to this one's, so neither cuts the other short.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes + Envelope;
        }

        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition()
                    || !HeaderUtilities.RemoveQuotes(disposition.Name).Equals(Field, StringComparison.Ordinal))
                {
                    continue;
                }

                var temporary = new FileStream(
                    Path.Combine(Path.GetTempPath(), $"conversations-upload-{Guid.NewGuid():N}"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
                var file = new UploadedFile(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value, temporary);
                if (!await CopyAsync(section.Body, temporary, maxBytes, cancellationToken))
                {
                    await file.DisposeAsync();
                    return (null, TooLarge(maxBytes));
                }

                temporary.Position = 0;
                return (file, null);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return (null, FieldProblems.Of(StatusCodes.Status400BadRequest, Field, "The multipart body is malformed."));
        }

        return (null, FieldProblems.Of(StatusCodes.Status400BadRequest, Field, "No file in a field named 'file'."));
    }

    private static async Task<bool> CopyAsync(Stream from, Stream to, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        FieldProblems.Of(StatusCodes.Status413PayloadTooLarge, Field, FormattableString.Invariant($"The file is larger than the {maxBytes:N0} bytes allowed."));
}
