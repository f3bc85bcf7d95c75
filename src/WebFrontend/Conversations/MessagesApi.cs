using System.Globalization;
using System.Security.Claims;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Conversations;
using Conversations.WebFrontend.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Conversations;

public static class MessagesApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/messages").WithTags("Messages").MapGet("/", ListAsync);
        return app;
    }

    public sealed record MessagePage(Guid ConversationId, IReadOnlyList<MessageView> Messages);

    /// <summary>
    /// A conversation's messages in order: the newest page (or those before <c>before</c>), or those after
    /// <c>after</c> — the sequence a reconnecting client last saw.
    /// </summary>
    private static async Task<Results<Ok<MessagePage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? conversationId,
        string? after,
        string? before,
        string? limit,
        ClaimsPrincipal user,
        MessageQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(conversationId, out var conversation))
        {
            errors["conversationId"] = ["A conversation id (a UUID) is required."];
        }

        var afterSequence = ParseSequence(after, "after", errors);
        var beforeSequence = ParseSequence(before, "before", errors);
        if (afterSequence is not null && beforeSequence is not null)
        {
            errors["before"] = ["Give either 'after' or 'before', not both."];
        }

        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize)
                                  || pageSize is < 1 or > MaxPageSize))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        if (!await queries.ConversationExistsAsync(businessId, conversation, cancellationToken))
        {
            return TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        var messages = await queries.ListAsync(businessId, conversation, afterSequence, beforeSequence, pageSize, cancellationToken);
        return TypedResults.Ok(new MessagePage(conversation, messages));
    }

    private static long? ParseSequence(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return sequence;
        }

        errors[field] = ["Must be a message sequence number (a whole number, 0 or more)."];
        return null;
    }
}
