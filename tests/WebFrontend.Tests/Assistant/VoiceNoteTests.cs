using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using MetaNumbers = Conversations.WebFrontend.Tests.Channels.Channels;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>
/// Voice notes: a real recording (spoken by espeak-ng) fetched from Meta, transcribed through an
/// OpenAI-compatible endpoint, shown to agents, and answered by the assistant as the customer's words.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class VoiceNoteTests(AssistantFixture fixture)
{
    private const string Spoken = "I would like a reading tomorrow at 3pm";

    [Fact]
    public async Task A_voice_note_is_transcribed_and_the_assistant_answers_what_was_said()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Voice");
        await MetaNumbers.ConnectMetaAsync(owner, tenant);
        (await owner.PatchAsJsonAsync("/api/settings/voice", new { enabled = true, model = "whisper-test", baseUrl = fixture.Model.Endpoint, apiKey = "sk-voice" }))
            .EnsureSuccessStatusCode();
        var recording = await SpeakAsync(Spoken);
        var mediaId = $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        fixture.Meta.ServeMedia(mediaId, recording, "audio/wav");
        fixture.Model.Transcribes("whisper-test", Spoken, seconds: 3.2);
        var customer = AssistantFixture.NewCustomer();

        await SendVoiceNoteAsync(tenant, customer, mediaId);
        var conversation = ConversationIds.For(tenant.BusinessId, customer);
        var reply = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1)).Single();
        var tomorrow = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Assert.Contains($"Reading on {tomorrow:dddd d MMMM} at 15:00. Shall I book it?", AssistantFixture.Body(reply), StringComparison.Ordinal);

        var note = (await AssistantFixture.MessagesAsync(owner, conversation)).First(m => m.GetProperty("sender").GetString() == "customer");
        var media = note.GetProperty("content").GetProperty("media");
        Assert.Equal((Spoken, "done"), (media.GetProperty("transcript").GetString(), media.GetProperty("transcriptionState").GetString()));
        Assert.True(media.GetProperty("isVoice").GetBoolean());

        var sent = Assert.Single(fixture.Model.Transcriptions, t => t.Model == "whisper-test");
        Assert.Equal((recording.Length, "audio.wav", "verbose_json"), (sent.FileBytes, sent.FileName, sent.ResponseFormat));
        Assert.Equal("Bearer sk-voice", fixture.Model.Requests.Last(r => r.Path.EndsWith("/audio/transcriptions", StringComparison.Ordinal)).Authorization);
        Assert.Equal(3200L, await fixture.Database.ScalarAsync<long>(
            "SELECT duration_ms FROM voice_transcriptions WHERE message_id = @m", ("m", note.GetProperty("id").GetGuid())));
        Assert.Equal(320L, await fixture.Database.ScalarAsync<long>(
            "SELECT cost_micros FROM voice_transcriptions WHERE message_id = @m", ("m", note.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Without_transcription_the_note_is_kept_playable_agents_see_it_is_off_and_can_ask_for_one()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("No voice");
        await MetaNumbers.ConnectMetaAsync(owner, tenant);
        var recording = await SpeakAsync("Do you open on Sundays");
        var mediaId = $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        fixture.Meta.ServeMedia(mediaId, recording, "audio/ogg");
        var customer = AssistantFixture.NewCustomer();

        await SendVoiceNoteAsync(tenant, customer, mediaId);
        var conversation = ConversationIds.For(tenant.BusinessId, customer);
        var note = await Eventually.GetAsync(
            async () => (await AssistantFixture.MessagesAsync(owner, conversation)).First(m => m.GetProperty("sender").GetString() == "customer"),
            m => m.GetProperty("content").GetProperty("media").TryGetProperty("transcriptionState", out var state) && state.GetString() == "off",
            TimeSpan.FromSeconds(20), "the note marked as not transcribed");
        var stored = note.GetProperty("content").GetProperty("media").GetProperty("storedMediaId").GetGuid();
        Assert.Equal(recording, await owner.GetByteArrayAsync($"/api/media/{stored}"));
        Assert.Equal(JsonValueKind.Null, note.GetProperty("content").GetProperty("media").GetProperty("transcript").ValueKind);
        var settings = await owner.GetFromJsonAsync<JsonElement>("/api/settings/voice");
        Assert.False(settings.GetProperty("enabled").GetBoolean());

        // On request, with an endpoint configured but automatic transcription still off.
        (await owner.PatchAsJsonAsync("/api/settings/voice", new { model = "whisper-test", baseUrl = fixture.Model.Endpoint })).EnsureSuccessStatusCode();
        fixture.Model.Transcribes("whisper-test", "Do you open on Sundays", seconds: 1.5);
        using var transcribed = await owner.PostAsJsonAsync("/api/voice/transcribe", new { messageId = note.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, transcribed.StatusCode);
        Assert.Equal("Do you open on Sundays", (await transcribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
        var updated = (await AssistantFixture.MessagesAsync(owner, conversation)).First(m => m.GetProperty("id").GetGuid() == note.GetProperty("id").GetGuid());
        Assert.Equal("Do you open on Sundays", updated.GetProperty("content").GetProperty("media").GetProperty("transcript").GetString());

        using var notAudio = await owner.PostAsJsonAsync("/api/voice/transcribe", new { messageId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, notAudio.StatusCode);
        var stranger = await fixture.App.ClientOfAsync(await fixture.App.CreateTenantAsync("Stranger"));
        using var foreign = await stranger.PostAsJsonAsync("/api/voice/transcribe", new { messageId = note.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private async Task SendVoiceNoteAsync(TestTenant tenant, string customer, string mediaId)
    {
        var message = $$$"""
            [{"from":"{{{customer}}}","id":"wamid.{{{Guid.NewGuid():N}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"audio",
              "audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"unused","id":"{{{mediaId}}}","voice":true} }]
            """;
        using var response = await fixture.App.PostWebhookAsync(MetaWebhooks.Delivery(tenant.PhoneNumberId, message), tenant.AppSecret);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A real spoken recording (WAV), made with espeak-ng, which <c>./conversations test</c> installs.</summary>
    private static async Task<byte[]> SpeakAsync(string text)
    {
        var espeak = Environment.GetEnvironmentVariable("CONVERSATIONS_ESPEAK") is { Length: > 0 } configured ? configured : "espeak-ng";
        var file = Path.Combine(Path.GetTempPath(), $"voice-{Guid.NewGuid():N}.wav");
        var start = new ProcessStartInfo(espeak) { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-w");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(text);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        return bytes;
    }
}
