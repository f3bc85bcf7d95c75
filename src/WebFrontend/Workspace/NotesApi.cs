using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Accounts;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Workspace;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Workspace;

/// <summary>Internal notes on conversations, with @mentions that notify the employees named.</summary>
public static class NotesApi
{
    public static IEndpointRouteBuilder MapNotesApi(this IEndpointRouteBuilder app)
    {
        var notes = app.MapGroup("/api/notes").WithTags("Notes");
        notes.MapGet("/", ListAsync).RequirePermission(Permissions.ConversationsRead);
        notes.MapPost("/", AddAsync).RequirePermission(Permissions.NotesWrite);
        notes.MapPatch("/{id:guid}", EditAsync).RequirePermission(Permissions.NotesWrite);
        notes.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.NotesWrite);
        return app;
    }

    public sealed record NoteRequest(Guid? ConversationId, string? Body, Guid[]? Mentions);

    /// <summary>The internal notes on a conversation (never sent to the customer), oldest first.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<NoteView>>, ProblemHttpResult>> ListAsync(
        Guid conversationId, ClaimsPrincipal user, ConversationQueries conversations, NoteStore notes, CancellationToken cancellationToken) =>
        await conversations.FindAsync(user.GetBusinessId(), conversationId, cancellationToken) is null
            ? TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(await notes.ListAsync(user.GetBusinessId(), conversationId, cancellationToken));

    /// <summary>Adds an internal note to a conversation; mentioned employees are notified.</summary>
    internal static async Task<Results<Created<NoteView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        NoteRequest? request,
        ClaimsPrincipal user,
        ConversationQueries conversations,
        EmployeeDirectory employees,
        NoteStore notes,
        Notifications notifications,
        IClusterClient cluster,
        CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        var body = request?.Body?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > 10_000)
        {
            errors["body"] = ["1 to 10000 characters."];
        }

        if (request?.ConversationId is null)
        {
            errors["conversationId"] = ["Required."];
        }

        var mentions = (request?.Mentions ?? []).Distinct().ToList();
        foreach (var mentioned in mentions)
        {
            if (await employees.GetAsync(businessId, mentioned, cancellationToken) is not { Status: EmployeeStatus.Active })
            {
                errors["mentions"] = [$"{mentioned} is not an active employee of this business."];
                break;
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var conversation = await conversations.FindAsync(businessId, request!.ConversationId!.Value, cancellationToken);
        if (conversation is null)
        {
            return TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        var authorId = user.GetEmployeeId();
        var note = await notes.AddAsync(businessId, conversation.Id, authorId, body!, mentions, cancellationToken);
        await cluster.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(businessId))
            .OnNextAsync(new NoteAdded(businessId, note));

        var author = await employees.GetAsync(businessId, authorId, cancellationToken);
        foreach (var mentioned in mentions.Where(m => m != authorId))
        {
            await notifications.NotifyAsync(
                businessId, mentioned, "mention",
                $"{author?.DisplayName ?? "A colleague"} mentioned you on {conversation.Customer.Name ?? conversation.Customer.WaId}",
                conversation.Id, cancellationToken);
        }

        return TypedResults.Created($"/api/notes/{note.Id}", note);
    }

    /// <summary>Changes a note's text (1 to 10000 characters); only its author may (else 403).</summary>
    internal static async Task<Results<Ok<NoteView>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, NoteRequest? request, ClaimsPrincipal user, NoteStore notes, CancellationToken cancellationToken)
    {
        var body = request?.Body?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > 10_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["1 to 10000 characters."] });
        }

        var note = await notes.FindAsync(user.GetBusinessId(), id, cancellationToken);
        if (note is null)
        {
            return TypedResults.Problem(title: "No such note.", statusCode: StatusCodes.Status404NotFound);
        }

        if (note.AuthorId != user.GetEmployeeId())
        {
            return TypedResults.Problem(title: "Only the author edits a note.", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Ok((await notes.EditAsync(user.GetBusinessId(), id, body, cancellationToken))!);
    }

    /// <summary>Deletes a note; only its author or a supervisor (conversations.supervise) may (else 403).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, NoteStore notes, EmployeeAccess access, CancellationToken cancellationToken)
    {
        var note = await notes.FindAsync(user.GetBusinessId(), id, cancellationToken);
        if (note is null)
        {
            return TypedResults.Problem(title: "No such note.", statusCode: StatusCodes.Status404NotFound);
        }

        if (note.AuthorId != user.GetEmployeeId() && !await access.HasAsync(user, Permissions.ConversationsSupervise, cancellationToken))
        {
            return TypedResults.Problem(title: "Only the author or a supervisor deletes a note.", statusCode: StatusCodes.Status403Forbidden);
        }

        await notes.DeleteAsync(user.GetBusinessId(), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
