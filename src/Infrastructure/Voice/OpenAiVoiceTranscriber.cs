using System.ClientModel;
using System.ClientModel.Primitives;
using Conversations.Grains.Interfaces.Models;
using Conversations.Grains.Voice;
using Conversations.Infrastructure.Media;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Audio;

namespace Conversations.Infrastructure.Voice;

/// <summary>
/// Transcription through an OpenAI-compatible <c>/audio/transcriptions</c> endpoint with the official client's
/// audio API, asking for the verbose answer so the audio's duration (and so its cost) is known.
/// </summary>
public sealed class OpenAiVoiceTranscriber(VoiceSettingsStore settings, MediaStore media, IOptions<VoiceOptions> options) : IVoiceTranscriber
{
    public async Task<VoiceTranscription> TranscribeAsync(Guid businessId, Guid storedMediaId, bool onRequest, CancellationToken cancellationToken)
    {
        if (!onRequest && !await settings.IsEnabledAsync(businessId, cancellationToken))
        {
            return new VoiceTranscription(VoiceTranscription.Off, null, null, null, null, 0);
        }

        if (await settings.ReadForUseAsync(businessId, cancellationToken) is not { } endpoint)
        {
            return new VoiceTranscription(VoiceTranscription.Off, null, null, null, null, 0, "No transcription endpoint is configured.");
        }

        var file = await media.FindAsync(businessId, storedMediaId, cancellationToken);
        await using var audio = file is null || file.SizeBytes > options.Value.MaxBytes ? null : await media.OpenReadAsync(file, cancellationToken);
        if (audio is null)
        {
            return new VoiceTranscription(VoiceTranscription.Failed, null, null, null, null, 0,
                file is null || file.SizeBytes <= options.Value.MaxBytes ? "The audio is not in the media store." : "The audio is too large to transcribe.");
        }

        var model = endpoint.Model ?? options.Value.DefaultModel;
        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 1), NetworkTimeout = options.Value.Timeout };
        if (endpoint.BaseUrl is not null)
        {
            clientOptions.Endpoint = new Uri(endpoint.BaseUrl);
        }

        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(endpoint.ApiKey) ? "unused" : endpoint.ApiKey), clientOptions).GetAudioClient(model);
        try
        {
            var result = await client.TranscribeAudioAsync(
                audio, file!.FileName ?? FileNameFor(file.MimeType), new AudioTranscriptionOptions { ResponseFormat = AudioTranscriptionFormat.Verbose }, cancellationToken);
            var transcript = result.Value;
            var minutes = (decimal)(transcript.Duration ?? TimeSpan.Zero).TotalMinutes;
            var cost = options.Value.PricePerMinute.TryGetValue(model, out var perMinute)
                ? (long)decimal.Round(minutes * perMinute * 1_000_000m, MidpointRounding.AwayFromZero)
                : 0;
            return new VoiceTranscription(VoiceTranscription.Done, transcript.Text.Trim(), transcript.Language, transcript.Duration, model, cost);
        }
        catch (ClientResultException exception)
        {
            return new VoiceTranscription(VoiceTranscription.Failed, null, null, null, model, 0, $"The endpoint answered {exception.Status}.");
        }
    }

    /// <summary>The endpoint reads the format from the file name; WhatsApp voice notes are Ogg/Opus.</summary>
    private static string FileNameFor(string mimeType) => mimeType.Split(';')[0].Trim() switch
    {
        "audio/ogg" or "audio/opus" => "voice.ogg",
        "audio/mpeg" => "audio.mp3",
        "audio/mp4" or "audio/m4a" or "audio/x-m4a" or "audio/aac" => "audio.m4a",
        "audio/wav" or "audio/x-wav" or "audio/wave" => "audio.wav",
        "audio/webm" => "audio.webm",
        "audio/amr" => "audio.amr",
        _ => "audio.ogg",
    };
}
