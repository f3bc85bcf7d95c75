using System.Security.Claims;
using Conversations.Infrastructure.Media;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Media;

/// <summary>Serves the media store to agents of the business that owns each file.</summary>
public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/media").WithTags("Media").MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.ConversationsRead);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, MediaStore store, HttpResponse response, CancellationToken cancellationToken)
    {
        var file = await store.FindAsync(user.GetBusinessId(), id, cancellationToken);
        if (file is null)
        {
            return TypedResults.Problem(title: "No such media.", statusCode: StatusCodes.Status404NotFound);
        }

        // Private: the bytes are a customer's; immutable: a stored file never changes.
        response.Headers.CacheControl = "private, max-age=31536000, immutable";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        return TypedResults.File(file.Bytes, file.MimeType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
