using Conversations.Grains.Voice;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Infrastructure.Voice;

public static class VoiceServices
{
    /// <summary>Voice-note transcription: settings and the OpenAI-compatible transcriber.</summary>
    public static IServiceCollection AddConversationsVoice(this IServiceCollection services)
    {
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VoiceSettingsStore>();
        services.AddSingleton<IVoiceTranscriber, OpenAiVoiceTranscriber>();
        services.AddSingleton<VoiceMessages>();
        return services;
    }
}
