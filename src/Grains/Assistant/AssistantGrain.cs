using Conversations.Grains.Bookings;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Assistant;

/// <inheritdoc cref="IAssistantGrain"/>
/// <remarks>
/// Holds nothing between turns: the memory of the flow travels with each turn from the conversation grain,
/// which owns it. Turns of one conversation run one after the other; different conversations in parallel.
/// </remarks>
public sealed partial class AssistantGrain(
    IAssistantDirectory directory,
    IBookings bookings,
    IPaymentLinks payments,
    IAssistantAllowance allowance,
    IAssistantLedger ledger,
    IChatClientProvider clients,
    OfflineAssistant offline,
    LanguageModelAssistant languageModel,
    IOptions<AssistantOptions> options,
    TimeProvider time,
    ILogger<AssistantGrain> logger) : Grain, IAssistantGrain
{
    private const int TranscriptLines = 60;

    private (Guid TurnId, CancellationTokenSource Stop)? current;

    public async Task RespondAsync(AssistantTurn turn)
    {
        using var stop = new CancellationTokenSource();
        current = (turn.TurnId, stop);
        AssistantReply reply;
        try
        {
            reply = await ComposeAsync(turn, stop.Token);
        }
        catch (Exception exception)
        {
            // Whatever broke, the customer is not left without an answer.
            LogTurnFailed(exception, turn.BusinessId, turn.ConversationId);
            reply = new AssistantReply(
                turn.TurnId, [MessageContent.PlainText(HandoffNotes.HoldingMessage)], turn.Memory with { HandledSequence = turn.UpToSequence, State = FlowState.Handoff },
                OfflineAssistant.Engine, null, HandoffNotes.From("model_failed", turn.Memory, turn.CustomerName, null, TimeZoneInfo.Utc),
                TurnUsage.None, [new FlowMove(turn.Memory.State, FlowState.Handoff, "assistant failed")], exception.Message);
        }
        finally
        {
            current = null;
        }

        await GrainFactory.GetGrain<IConversationGrain>(turn.ConversationId).CompleteTurnAsync(reply);
    }

    public Task StopAsync(Guid turnId)
    {
        if (current is { } turn && turn.TurnId == turnId)
        {
            turn.Stop.Cancel();
        }

        return Task.CompletedTask;
    }

    public async Task SummarizeAsync(HandoffRequest request)
    {
        var profile = await directory.GetProfileAsync(request.BusinessId, CancellationToken.None);
        if (profile is null)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone);
        var transcript = await directory.ReadTranscriptAsync(request.ConversationId, TranscriptLines, CancellationToken.None);
        var lastCustomerText = transcript.LastOrDefault(l => l.Sender == MessageSender.Customer) is { } last ? last.Choice?.Title ?? last.Text : null;
        var handoff = HandoffNotes.From(request.Reason, request.Memory, request.CustomerName, lastCustomerText, zone);
        if (profile.Settings.Enabled && profile.Settings.UsesLanguageModel && transcript.Count > 0)
        {
            handoff = await SummarizeWithModelAsync(profile.Settings, transcript, handoff, request);
        }

        var summary = await ledger.RecordHandoffAsync(request.BusinessId, request.ConversationId, handoff, request.Memory.State, time.GetUtcNow(), CancellationToken.None);
        await this.GetStreamProvider(BusinessStreams.ProviderName)
            .GetStream<BusinessEvent>(BusinessStreams.For(request.BusinessId))
            .OnNextAsync(new HandoffSummarized(request.BusinessId, request.ConversationId, summary));
    }

    private async Task<AssistantReply> ComposeAsync(AssistantTurn turn, CancellationToken stopped)
    {
        var context = await directory.LoadTurnAsync(turn.BusinessId, turn.ConversationId, TranscriptLines, CancellationToken.None);
        var profile = context.Profile ?? throw new InvalidOperationException($"Business {turn.BusinessId} is unknown.");
        var transcript = context.Transcript;
        var tools = new AssistantTools(
            new ToolScope(turn.BusinessId, turn.ConversationId, profile.TimeZone), directory, bookings, payments, time, stopped, context.Services);
        if (profile.Suspended)
        {
            // The messages are kept; the business answers them when it is reactivated.
            return new AssistantReply(
                turn.TurnId, [], turn.Memory with { HandledSequence = turn.UpToSequence }, OfflineAssistant.Engine, null, null, TurnUsage.None, []);
        }

        if (!profile.Settings.Enabled)
        {
            // A business without an assistant still answers every customer: through its people.
            return HandOffSilently(turn, transcript, tools.Zone, "assistant_off", "assistant off");
        }

        // The business's own rule comes before any engine, and before the month's allowance: asking for a person costs nothing.
        if (KeywordHandoff(turn, profile, transcript, tools.Zone) is { } passedOn)
        {
            return passedOn;
        }

        if (!await allowance.AdmitAsync(turn.BusinessId, turn.ConversationId, CancellationToken.None))
        {
            // The plan's AI conversations of the month are used up: new conversations go to the people.
            return HandOffSilently(turn, transcript, tools.Zone, "plan_limit", "plan limit reached");
        }

        return profile.Settings.UsesLanguageModel
            ? await languageModel.ReplyAsync(turn, profile, transcript, tools, CancellationToken.None)
            : await offline.ReplyAsync(turn, profile, transcript, tools, CancellationToken.None);
    }

    /// <summary>The customer wrote one of the business's handoff keywords: they are told a person comes, and one does.</summary>
    private static AssistantReply? KeywordHandoff(AssistantTurn turn, AssistantProfile profile, IReadOnlyList<TranscriptLine> transcript, TimeZoneInfo zone)
    {
        var keywords = profile.Settings.HandoffKeywords;
        var found = transcript
            .Where(l => l.Sender == MessageSender.Customer && l.Sequence > turn.Memory.HandledSequence && l.Sequence <= turn.UpToSequence)
            .Select(l => (Text: l.Choice?.Title ?? l.Text, Keyword: HandoffKeywords.FirstIn(l.Choice?.Title ?? l.Text, keywords)))
            .FirstOrDefault(l => l.Keyword is not null);
        if (found.Keyword is null)
        {
            return null;
        }

        return new AssistantReply(
            turn.TurnId, [MessageContent.PlainText(AssistantManner.Of(profile.Settings.Tone).ColleagueComing)],
            turn.Memory with { HandledSequence = turn.UpToSequence, State = FlowState.Handoff }, OfflineAssistant.Engine, null,
            HandoffNotes.From("keyword", turn.Memory, turn.CustomerName, found.Text, zone), TurnUsage.None,
            [new FlowMove(turn.Memory.State, FlowState.Handoff, $"handoff keyword \"{found.Keyword}\"")]);
    }

    /// <summary>A turn that says nothing and hands the conversation to the business's people.</summary>
    private static AssistantReply HandOffSilently(AssistantTurn turn, IReadOnlyList<TranscriptLine> transcript, TimeZoneInfo zone, string reason, string why)
    {
        var last = transcript.LastOrDefault(l => l.Sender == MessageSender.Customer);
        return new AssistantReply(
            turn.TurnId, [], turn.Memory with { HandledSequence = turn.UpToSequence, State = FlowState.Handoff }, OfflineAssistant.Engine, null,
            HandoffNotes.From(reason, turn.Memory, turn.CustomerName, last?.Choice?.Title ?? last?.Text, zone),
            TurnUsage.None, [new FlowMove(turn.Memory.State, FlowState.Handoff, why)]);
    }

    /// <summary>The model's own summary for the agent; the one built from the flow when the model cannot give one.</summary>
    private async Task<AssistantHandoff> SummarizeWithModelAsync(
        AssistantSettings settings, IReadOnlyList<TranscriptLine> transcript, AssistantHandoff fallback, HandoffRequest request)
    {
        try
        {
            var client = clients.Get(new LanguageModelEndpoint(settings.BaseUrl, settings.Model!, settings.ApiKey));
            var lines = string.Join('\n', transcript.TakeLast(30).Select(l => $"{l.Sender}: {l.Choice?.Title ?? l.Text}"));
            using var timeout = new CancellationTokenSource(options.Value.ModelTimeout);
            var response = await client.GetResponseAsync(
                [
                    new ChatMessage(ChatRole.System,
                        "You brief a customer-service agent who is taking over a WhatsApp conversation. Answer in two lines: " +
                        "first line 'Intent: ' and what the customer wants in a few words; second line 'Summary: ' and the conversation so far in at most three sentences."),
                    new ChatMessage(ChatRole.User, lines),
                ],
                new ChatOptions { ModelId = settings.Model },
                timeout.Token);
            var text = response.Text ?? "";
            var intent = text.Split('\n').FirstOrDefault(l => l.StartsWith("Intent:", StringComparison.OrdinalIgnoreCase))?["Intent:".Length..].Trim();
            var summary = text.Split('\n').FirstOrDefault(l => l.StartsWith("Summary:", StringComparison.OrdinalIgnoreCase))?["Summary:".Length..].Trim();
            return string.IsNullOrWhiteSpace(summary)
                ? fallback
                : fallback with { Intent = string.IsNullOrWhiteSpace(intent) ? fallback.Intent : intent, Summary = summary };
        }
        catch (Exception exception) when (exception is LanguageModelException or OperationCanceledException or HttpRequestException)
        {
            LogSummaryFailed(exception, request.BusinessId, request.ConversationId);
            return fallback;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The assistant failed a turn in {BusinessId} {ConversationId}; handing off")]
    private partial void LogTurnFailed(Exception exception, Guid businessId, Guid conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not summarise {BusinessId} {ConversationId}; using the flow's summary")]
    private partial void LogSummaryFailed(Exception exception, Guid businessId, Guid conversationId);
}
