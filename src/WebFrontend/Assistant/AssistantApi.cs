using System.Globalization;
using System.Security.Claims;
using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Assistant;

/// <summary>
/// The assistant as owners and agents see it: which assistant a business runs (the offline one, or a model at
/// any OpenAI-compatible endpoint), what it did in a conversation (turns, flow, drafts, handoff summaries),
/// and what it used per day.
/// </summary>
public static class AssistantApi
{
    private const int MaxUsageDays = 366;

    public static IEndpointRouteBuilder MapAssistantApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings/ai").WithTags("Assistant");
        settings.MapGet("/", GetSettingsAsync).RequirePermission(Permissions.AssistantRead);
        settings.MapPatch("/", UpdateSettingsAsync).RequirePermission(Permissions.AssistantManage);
        app.MapGet("/api/conversations/{id:guid}/assistant", ConversationAsync).WithTags("Assistant").RequirePermission(Permissions.ConversationsRead);
        app.MapGet("/api/assistant/usage", UsageAsync).WithTags("Assistant").RequirePermission(Permissions.AssistantRead);
        app.MapGet("/api/context", ContextAsync).WithTags("Assistant").RequirePermission(Permissions.AssistantRead);
        return app;
    }

    /// <param name="ApiKey">Write-only: null keeps the stored key, an empty string removes it.</param>
    public sealed record AssistantSettingsRequest(bool? Enabled, string? Provider, string? BaseUrl, string? Model, string? ApiKey, string? Instructions);

    /// <summary>The assistant's side of a conversation.</summary>
    public sealed record ConversationAssistantView(
        string FlowState,
        ConversationMode Mode,
        bool Drafting,
        string? Draft,
        Guid? DraftTurnId,
        HandoffSummaryView? LatestHandoff,
        IReadOnlyList<HandoffSummaryView> Handoffs,
        IReadOnlyList<AssistantTurnView> Turns,
        IReadOnlyList<FlowTransitionView> Transitions);

    /// <summary>What the assistant works from: the business, its bookable services, its knowledge base, its assistant.</summary>
    public sealed record BusinessContext(
        string BusinessName, string TimeZone, IReadOnlyList<ServiceOffer> Services, long KnowledgeArticles, AssistantSettingsView Assistant);

    /// <summary>What the assistant knows about the business: its name, time zone, services, published knowledge articles and assistant settings.</summary>
    internal static async Task<Results<Ok<BusinessContext>, ProblemHttpResult>> ContextAsync(
        ClaimsPrincipal user, IAssistantDirectory directory, AssistantSettingsStore settings, Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await directory.GetProfileAsync(businessId, cancellationToken) is not { } profile)
        {
            return FieldProblems.NotFound("business");
        }

        await using var count = dataSource.CreateCommand("SELECT count(*) FROM knowledge_articles WHERE business_id = @b AND is_published");
        count.Parameters.AddWithValue("b", businessId);
        return TypedResults.Ok(new BusinessContext(
            profile.BusinessName, profile.TimeZone, await directory.ListServicesAsync(businessId, cancellationToken),
            (long)(await count.ExecuteScalarAsync(cancellationToken))!, await settings.GetAsync(businessId, cancellationToken)));
    }

    /// <summary>The business's assistant settings: whether it answers, its provider, endpoint, model, whether an API key is set, and its instructions.</summary>
    internal static async Task<Ok<AssistantSettingsView>> GetSettingsAsync(ClaimsPrincipal user, AssistantSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>Changes the assistant settings; fields left out keep their value. The provider is 'offline' (built in) or 'openai' (any OpenAI-compatible endpoint).</summary>
    internal static async Task<Results<Ok<AssistantSettingsView>, ProblemHttpResult>> UpdateSettingsAsync(
        AssistantSettingsRequest? request, ClaimsPrincipal user, AssistantSettingsStore store, ActivityRecorder activity, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "body", "The settings are required.");
        }

        var current = await store.GetAsync(user.GetBusinessId(), cancellationToken);
        var provider = request.Provider?.Trim().ToLowerInvariant() ?? current.Provider;
        if (provider is not (AssistantSettings.Offline or AssistantSettings.OpenAi))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "provider", "The provider is 'offline' (the built-in assistant) or 'openai' (any OpenAI-compatible endpoint).");
        }

        var baseUrl = request.BaseUrl is null ? current.BaseUrl : request.BaseUrl.Trim() is { Length: > 0 } url ? url : null;
        if (baseUrl is not null
            && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || baseUrl.Length > 500))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "baseUrl", "The base URL must be an absolute http(s) URL, such as https://api.openai.com/v1.");
        }

        var model = request.Model is null ? current.Model : request.Model.Trim() is { Length: > 0 } m ? m : null;
        if (model is not null && (model.Length > 100 || model.Any(char.IsWhiteSpace)))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "model", "The model is an id such as gpt-4o-mini: at most 100 characters, no spaces.");
        }

        if (provider == AssistantSettings.OpenAi && model is null)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "model", "A model is required for an OpenAI-compatible endpoint.");
        }

        if (request.ApiKey is { Length: > 500 })
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "apiKey", "The API key is at most 500 characters.");
        }

        var instructions = request.Instructions is null ? current.Instructions : request.Instructions.Trim() is { Length: > 0 } i ? i : null;
        if (instructions is { Length: > 4000 })
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "instructions", "The instructions are at most 4,000 characters.");
        }

        var saved = await store.SaveAsync(
            user.GetBusinessId(), request.Enabled ?? current.Enabled, provider, baseUrl, model, request.ApiKey?.Trim(), instructions,
            user.GetEmployeeId(), cancellationToken);
        await SettingsChanges.RecordAsync(activity, "ai", current, saved, (request.ApiKey?.Trim(), current.HasApiKey));
        return TypedResults.Ok(saved);
    }

    /// <summary>The assistant's side of one conversation: its flow state, mode, current draft, handoffs, turns and state transitions.</summary>
    internal static async Task<Results<Ok<ConversationAssistantView>, ProblemHttpResult>> ConversationAsync(
        Guid id, ClaimsPrincipal user, ConversationQueries conversations, AssistantHistory history, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        if (await conversations.FindAsync(businessId, id, cancellationToken) is null)
        {
            return FieldProblems.NotFound("conversation");
        }

        var snapshot = await grains.GetGrain<IConversationGrain>(id).GetSnapshotAsync();
        var activity = await history.ForConversationAsync(businessId, id, cancellationToken);
        return TypedResults.Ok(new ConversationAssistantView(
            FlowStateNames.Of(snapshot?.Flow ?? FlowState.Greeting), snapshot?.Mode ?? ConversationMode.Ai, snapshot?.AssistantDrafting ?? false, activity.Draft, activity.DraftTurnId,
            activity.LatestHandoff, activity.Handoffs, activity.Turns, activity.Transitions));
    }

    /// <summary>The assistant's usage per day (turns, tokens, cost, handoffs, conversations) between two dates (YYYY-MM-DD; the last 30 days by default).</summary>
    internal static async Task<Results<Ok<AssistantUsage>, ProblemHttpResult>> UsageAsync(
        string? from, string? to, ClaimsPrincipal user, IAssistantDirectory directory, AssistantHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var zone = (await directory.GetProfileAsync(businessId, cancellationToken))?.TimeZone ?? "UTC";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        if (!TryDate(to, today, out var last))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "to", "The date is YYYY-MM-DD.");
        }

        if (!TryDate(from, last.AddDays(-29), out var first))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "from", "The date is YYYY-MM-DD.");
        }

        if (first > last || last.DayNumber - first.DayNumber >= MaxUsageDays)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "from", $"The range runs forward and spans at most {MaxUsageDays} days.");
        }

        return TypedResults.Ok(await history.UsageAsync(businessId, first, last, zone, cancellationToken));
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
