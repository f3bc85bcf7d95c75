using System.Security.Claims;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Media;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Conversations.WebFrontend.Media;

/// <summary>
/// The business's media: employees' uploads and the files customers sent over WhatsApp, served only to the
/// business's own employees (another business's id is simply not found). An upload's type is read from its
/// content, never from its name or the Content-Type the client sent.
/// </summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/media").WithTags("Media");
        media.MapGet("/", ListAsync).RequirePermission(Permissions.ConversationsRead);
        media.MapPost("/", UploadAsync).RequirePermission(Permissions.ConversationsReply);

        // The first version's name for the same upload.
        media.MapPost("/upload", UploadAsync).RequirePermission(Permissions.ConversationsReply);
        media.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.ConversationsRead);
        media.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.ConversationsReply);
        return app;
    }

    /// <summary>Uploads one file (multipart field <c>file</c>) of a type <see cref="MediaSniffer"/> knows.</summary>
    internal static async Task<Results<Created<MediaView>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, MediaStore store, IOptions<MediaOptions> options, ActivityRecorder activity,
        CancellationToken cancellationToken)
    {
        var (upload, problem) = await MultipartUpload.ReadAsync(request, options.Value.MaxUploadBytes, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }

        await using (upload)
        {
            var head = new byte[MediaSniffer.HeadLength];
            var length = await upload.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (length == 0)
            {
                return FieldProblems.Of(StatusCodes.Status400BadRequest, MultipartUpload.Field, "The file is empty.");
            }

            if (MediaSniffer.Sniff(head.AsSpan(0, length)) is not { } type)
            {
                return FieldProblems.Of(
                    StatusCodes.Status400BadRequest, MultipartUpload.Field,
                    "Not a file type accepted here: JPEG, PNG, GIF or WebP images, PDF documents, MP4 or 3GPP videos, or Ogg, MP3, AAC, M4A or AMR audio. The type is read from the file's content, not its name.");
            }

            var stored = await store.SaveAsync(
                new NewMedia(user.GetBusinessId(), type.MimeType, UploadFileNames.For(upload.ClientFileName, type), MediaSources.Upload, user.GetEmployeeId()),
                upload.Content,
                cancellationToken);
            await activity.RecordAsync(ActivityActions.MediaUploaded, "media", stored.Id, new { stored.MimeType, stored.SizeBytes, stored.FileName });
            return TypedResults.Created($"/api/media/{stored.Id}", MediaView.From(stored));
        }
    }

    /// <summary>The business's uploads, newest first; <c>kind</c> is image, audio, video or document.</summary>
    internal static async Task<Results<Ok<MediaPageView>, ValidationProblem>> ListAsync(
        string? kind, string? cursor, int? limit, ClaimsPrincipal user, MediaStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (kind is not null && !MediaKinds.All.Contains(kind))
        {
            errors["kind"] = [$"One of: {string.Join(", ", MediaKinds.All)}."];
        }

        Guid? after = null;
        if (cursor is not null)
        {
            if (Guid.TryParseExact(cursor, "N", out var id))
            {
                after = id;
            }
            else
            {
                errors["cursor"] = ["Not a cursor this API returned."];
            }
        }

        if (limit is < 1 or > 200)
        {
            errors["limit"] = ["1 to 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await store.ListUploadsAsync(user.GetBusinessId(), kind, after, limit ?? 50, cancellationToken);
        return TypedResults.Ok(new MediaPageView(page.Items.Select(MediaView.From).ToList(), page.NextCursor));
    }

    /// <summary>Downloads a media file of the business, with its content type.</summary>
    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, MediaStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var file = await store.FindAsync(user.GetBusinessId(), id, cancellationToken);
        var content = file is null ? null : await store.OpenReadAsync(file, cancellationToken);
        if (content is null)
        {
            return FieldProblems.NotFound("media");
        }

        // Private: the bytes are a customer's or the business's; immutable: a stored file never changes. The type
        // is ours, never to be second-guessed by the browser, and nothing served here may run script.
        response.Headers.CacheControl = "private, max-age=31536000, immutable";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";

        // Pictures, sounds and videos of the types we recognise show in the page; anything else is downloaded.
        var disposition = new ContentDispositionHeaderValue(
            MediaSniffer.Known.Any(t => t.MimeType == file!.MimeType && t.Kind != MediaKinds.Document) ? "inline" : "attachment");
        disposition.SetHttpFileName(file!.FileName ?? file.Id.ToString("N"));
        response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(
            content, file.MimeType, lastModified: file.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>Deletes a file: its uploader may, and whoever may act on colleagues' work (<c>conversations.supervise</c>).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, MediaStore store, EmployeeAccess access, ActivityRecorder activity, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var file = await store.FindAsync(businessId, id, cancellationToken);
        if (file is null)
        {
            return FieldProblems.NotFound("media");
        }

        if (file.UploadedBy != user.GetEmployeeId() && !await access.HasAsync(user, Permissions.ConversationsSupervise, cancellationToken))
        {
            return FieldProblems.Forbidden("Only its uploader or a supervisor (an owner or admin) deletes a file.");
        }

        if (!await store.DeleteAsync(businessId, id, cancellationToken))
        {
            return FieldProblems.NotFound("media");
        }

        await activity.RecordAsync(ActivityActions.MediaDeleted, "media", id, new { file.MimeType, file.SizeBytes, file.FileName, file.Source });
        return TypedResults.NoContent();
    }
}
