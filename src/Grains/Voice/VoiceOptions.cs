using System.ComponentModel.DataAnnotations;

namespace Conversations.Grains.Voice;

/// <summary>Voice-note transcription. Section <c>Conversations:Voice</c>.</summary>
public sealed class VoiceOptions
{
    public const string Section = "Conversations:Voice";

    /// <summary>The model asked for when the business names none.</summary>
    [Required]
    public string DefaultModel { get; set; } = "whisper-1";

    /// <summary>How long one transcription may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest audio sent for transcription (OpenAI's limit is 25 MB).</summary>
    [Range(1, 100 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>US dollars per minute of audio, per model, for the cost recorded with each transcript. Unknown models cost 0.</summary>
    public Dictionary<string, decimal> PricePerMinute { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["whisper-1"] = 0.006m,
        ["gpt-4o-transcribe"] = 0.006m,
        ["gpt-4o-mini-transcribe"] = 0.003m,
    };
}
