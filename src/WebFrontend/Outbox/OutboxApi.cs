using System.Globalization;
using System.Security.Claims;
using Conversations.Infrastructure.Channels;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Outbox;

/// <summary>What the built-in local channel delivered, for businesses without provider credentials.</summary>
public static class OutboxApi
{
    public static IEndpointRouteBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/outbox").WithTags("Outbox").MapGet("/", ListAsync).RequirePermission(Permissions.ConversationsRead);
        return app;
    }

    /// <summary>Messages the local channel (used instead of WhatsApp when none is configured) has delivered, newest first, a page at a time (before: a cursor; limit).</summary>
    internal static async Task<Results<Ok<IReadOnlyList<LocalDelivery>>, ValidationProblem>> ListAsync(
        string? before, string? limit, ClaimsPrincipal user, LocalOutbox outbox, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        long? cursor = null;
        if (before is not null)
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                cursor = parsed;
            }
            else
            {
                errors["before"] = ["Must be the id of a delivery."];
            }
        }

        var pageSize = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 200))
        {
            errors["limit"] = ["Must be a whole number from 1 to 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await outbox.ListAsync(user.GetBusinessId(), cursor, pageSize, cancellationToken));
    }
}
