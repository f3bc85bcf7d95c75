using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Grains.Voice;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Voice;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Conversations.WebFrontend.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Voice;

/// <summary>Voice notes: whether and how a business transcribes them, and transcribing one on request.</summary>
public static class VoiceApi
{
    public static IEndpointRouteBuilder MapVoiceApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings/voice").WithTags("Voice");
        settings.MapGet("/", GetSettingsAsync).RequirePermission(Permissions.AssistantRead);
        settings.MapPatch("/", UpdateSettingsAsync).RequirePermission(Permissions.AssistantManage);
        app.MapPost("/api/voice/transcribe", TranscribeAsync).WithTags("Voice").RequirePermission(Permissions.ConversationsReply);
        return app;
    }

    /// <param name="BaseUrl">Its own OpenAI-compatible endpoint; without one, the assistant's is used. Empty removes it.</param>
    /// <param name="ApiKey">Write-only: null keeps the stored key, an empty string removes it.</param>
    public sealed record VoiceSettingsRequest(bool? Enabled, string? Model, string? BaseUrl, string? ApiKey);

    public sealed record TranscribeRequest(Guid? MessageId);

    /// <summary>The business's voice-note transcription settings: on or off, model, endpoint, and whether an API key is set.</summary>
    internal static async Task<Ok<VoiceSettingsView>> GetSettingsAsync(ClaimsPrincipal user, VoiceSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(user.GetBusinessId(), cancellationToken));

    /// <summary>Changes the voice-note transcription settings; fields left out keep their value, an empty baseUrl or apiKey removes it.</summary>
    internal static async Task<Results<Ok<VoiceSettingsView>, ProblemHttpResult>> UpdateSettingsAsync(
        VoiceSettingsRequest? request, ClaimsPrincipal user, VoiceSettingsStore store, ActivityRecorder activity, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "body", "The settings are required.");
        }

        var current = await store.GetAsync(user.GetBusinessId(), cancellationToken);
        var model = request.Model is null ? current.Model : request.Model.Trim() is { Length: > 0 } m ? m : null;
        if (model is not null && (model.Length > 100 || model.Any(char.IsWhiteSpace)))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "model", "The model is an id such as whisper-1: at most 100 characters, no spaces.");
        }

        var baseUrl = request.BaseUrl is null ? current.BaseUrl : request.BaseUrl.Trim() is { Length: > 0 } url ? url : null;
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || baseUrl.Length > 500))
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "baseUrl", "The base URL must be an absolute http(s) URL, such as https://api.openai.com/v1.");
        }

        if (request.ApiKey is { Length: > 500 })
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "apiKey", "The API key is at most 500 characters.");
        }

        var saved = await store.SaveAsync(
            user.GetBusinessId(), request.Enabled ?? current.Enabled, model, baseUrl, request.ApiKey?.Trim(), user.GetEmployeeId(), cancellationToken);
        await SettingsChanges.RecordAsync(activity, "voice", current, saved, (request.ApiKey?.Trim(), current.HasApiKey));
        return TypedResults.Ok(saved);
    }

    /// <summary>Transcribes one voice note now, whether or not the business transcribes automatically.</summary>
    internal static async Task<Results<Ok<VoiceTranscription>, ProblemHttpResult>> TranscribeAsync(
        TranscribeRequest? request, ClaimsPrincipal user, VoiceMessages messages, IVoiceTranscriber transcriber, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (request?.MessageId is not { } messageId)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "messageId", "The voice note's message id is required.");
        }

        var businessId = user.GetBusinessId();
        if (await messages.FindAsync(businessId, messageId, cancellationToken) is not { } audio)
        {
            return FieldProblems.NotFound("message");
        }

        if (audio.Kind != "audio")
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "messageId", "Only audio messages are transcribed.");
        }

        if (audio.StoredMediaId is not { } mediaId)
        {
            return FieldProblems.Conflict("messageId", "The audio has not been fetched from WhatsApp yet; try again in a moment.");
        }

        var transcription = await transcriber.TranscribeAsync(businessId, mediaId, onRequest: true, cancellationToken);
        await grains.GetGrain<IConversationGrain>(audio.ConversationId).RecordTranscriptAsync(messageId, transcription);
        return TypedResults.Ok(transcription);
    }
}
