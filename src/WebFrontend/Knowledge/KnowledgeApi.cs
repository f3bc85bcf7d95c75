using System.Security.Claims;
using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Knowledge;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Knowledge;

/// <summary>
/// The business's knowledge base: FAQ articles the assistant answers customers from. Readers
/// (<c>knowledge.read</c>) may ask <c>/search</c> a question to see what the assistant would answer from;
/// <c>knowledge.manage</c> writes them. Another business's ids are simply not found.
/// </summary>
public static class KnowledgeApi
{
    private const int MaxListSearchLength = 200;

    // A WhatsApp text message is at most 4096 characters; a question to try is no longer.
    private const int MaxQuestionLength = 4096;

    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var knowledge = app.MapGroup("/api/knowledge").WithTags("Knowledge base");
        knowledge.MapGet("/", ListAsync).RequirePermission(Permissions.KnowledgeRead);
        knowledge.MapPost("/", CreateAsync).RequirePermission(Permissions.KnowledgeManage);
        knowledge.MapGet("/search", SearchAsync).RequirePermission(Permissions.KnowledgeRead);
        knowledge.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.KnowledgeRead);
        knowledge.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.KnowledgeManage);
        knowledge.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.KnowledgeManage);
        return app;
    }

    /// <summary>Articles, drafts included, newest change first; <paramref name="q"/> searches them (best match first), <paramref name="tag"/> filters.</summary>
    internal static async Task<Results<Ok<KnowledgeArticlePage>, ValidationProblem>> ListAsync(
        string? q, string? tag, int? offset, int? limit, ClaimsPrincipal user, KnowledgeArticles articles, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var search = string.IsNullOrWhiteSpace(q) ? null : KnowledgeFields.Searchable(q.Trim());
        if (search is { Length: > MaxListSearchLength })
        {
            errors["q"] = [$"At most {MaxListSearchLength} characters."];
        }

        var tagFilter = KnowledgeFields.NormalizeTags([tag is null ? null : KnowledgeFields.Searchable(tag)]).SingleOrDefault();
        if (tagFilter is { Length: > KnowledgeFields.MaxTagLength })
        {
            errors["tag"] = [$"A tag has at most {KnowledgeFields.MaxTagLength} characters."];
        }

        if (offset is < 0)
        {
            errors["offset"] = ["0 or more."];
        }

        if (limit is < 1 or > 200)
        {
            errors["limit"] = ["1 to 200."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await articles.ListAsync(user.GetBusinessId(), search, tagFilter, offset ?? 0, limit ?? 50, cancellationToken));
    }

    /// <summary>What the assistant would answer the question from: the published articles that cover it, best first.</summary>
    internal static async Task<Results<Ok<IReadOnlyList<KnowledgeMatch>>, ValidationProblem>> SearchAsync(
        string? q, int? limit, ClaimsPrincipal user, IKnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxQuestionLength)
        {
            errors["q"] = [$"Required: the question, at most {MaxQuestionLength} characters."];
        }

        if (limit is < 1 or > 20)
        {
            errors["limit"] = ["1 to 20."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await knowledge.SearchAsync(user.GetBusinessId(), q!, limit ?? 5, cancellationToken));
    }

    /// <summary>One knowledge-base article.</summary>
    internal static async Task<Results<Ok<KnowledgeArticle>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, KnowledgeArticles articles, CancellationToken cancellationToken) =>
        await articles.FindAsync(user.GetBusinessId(), id, cancellationToken) is { } article
            ? TypedResults.Ok(article)
            : FieldProblems.NotFound("article");

    /// <summary>Adds a knowledge-base article (title and body required, tags, published or draft); the assistant uses only published articles.</summary>
    internal static async Task<Results<Created<KnowledgeArticle>, ValidationProblem>> CreateAsync(
        KnowledgeArticleRequest? request, ClaimsPrincipal user, KnowledgeArticles articles, CancellationToken cancellationToken)
    {
        var changes = Validate(request, partial: false, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await articles.CreateAsync(
            user.GetBusinessId(),
            user.GetEmployeeId(),
            new KnowledgeArticleDraft(changes.Title!, changes.Body!, changes.Tags ?? [], changes.IsPublished ?? true),
            cancellationToken);
        return TypedResults.Created($"/api/knowledge/{created.Id}", created);
    }

    /// <summary>Changes an article's title, body, tags or published flag; fields left out keep their value.</summary>
    internal static async Task<Results<Ok<KnowledgeArticle>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, KnowledgeArticleRequest? request, ClaimsPrincipal user, KnowledgeArticles articles, CancellationToken cancellationToken)
    {
        var changes = Validate(request, partial: true, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await articles.UpdateAsync(user.GetBusinessId(), id, user.GetEmployeeId(), changes, cancellationToken) is { } updated
            ? TypedResults.Ok(updated)
            : FieldProblems.NotFound("article");
    }

    /// <summary>Deletes a knowledge-base article.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, KnowledgeArticles articles, CancellationToken cancellationToken) =>
        await articles.DeleteAsync(user.GetBusinessId(), id, cancellationToken) ? TypedResults.NoContent() : FieldProblems.NotFound("article");

    /// <summary>The request's fields, trimmed and normalized; <paramref name="errors"/> names each one at fault.</summary>
    /// <param name="partial">A change: fields left out stay as they are. Otherwise title and body are required.</param>
    private static KnowledgeArticleChanges Validate(KnowledgeArticleRequest? request, bool partial, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var title = request?.Title?.Trim();
        if ((!partial || title is not null) && (string.IsNullOrEmpty(title) || title.Length > KnowledgeFields.MaxTitleLength))
        {
            errors["title"] = [$"Required: 1 to {KnowledgeFields.MaxTitleLength} characters."];
        }
        else if (title is not null && !KnowledgeFields.IsStorable(title))
        {
            errors["title"] = ["Holds a NUL character or half a surrogate pair."];
        }

        var body = request?.Body?.Trim();
        if ((!partial || body is not null) && (string.IsNullOrEmpty(body) || body.Length > KnowledgeFields.MaxBodyLength))
        {
            errors["body"] = [$"Required: 1 to {KnowledgeFields.MaxBodyLength} characters."];
        }
        else if (body is not null && !KnowledgeFields.IsStorable(body))
        {
            errors["body"] = ["Holds a NUL character or half a surrogate pair."];
        }

        var tags = request?.Tags is { } requested ? KnowledgeFields.NormalizeTags(requested) : null;
        if (tags is not null && KnowledgeFields.TagsError(tags) is { } tagsError)
        {
            errors["tags"] = [tagsError];
        }

        return new KnowledgeArticleChanges(title, body, tags, request?.IsPublished);
    }
}
