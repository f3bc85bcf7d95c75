using System.Globalization;
using System.Text;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Grains.Assistant;

/// <summary>
/// The assistant for businesses with a language model: the rendered prompt template of the current flow state
/// as system prompt, the knowledge base's best passages, the conversation within a token budget, and the
/// tools through <see cref="LanguageModelTools"/>. A model that times out, is rate-limited or fails with a 5xx
/// is tried once more; then the customer gets the holding message and the conversation goes to the humans.
/// </summary>
public sealed partial class LanguageModelAssistant(
    IChatClientProvider clients,
    IPromptTemplates prompts,
    IKnowledgeBase knowledge,
    IOptions<AssistantOptions> options,
    TimeProvider time,
    ILogger<LanguageModelAssistant> logger)
{
    public const string Engine = "llm";

    public async Task<AssistantReply> ReplyAsync(
        AssistantTurn turn, AssistantProfile profile, IReadOnlyList<TranscriptLine> transcript, AssistantTools tools, CancellationToken cancellationToken)
    {
        var settings = profile.Settings;
        var model = settings.Model!;
        var memory = turn.Memory with { HandledSequence = turn.UpToSequence };
        var progress = new TurnProgress(memory);
        var customerText = NewCustomerText(turn, transcript);
        var usage = TurnUsage.None;
        try
        {
            var client = clients.Get(new LanguageModelEndpoint(settings.BaseUrl, model, settings.ApiKey));
            var passages = customerText.Length == 0 || options.Value.KnowledgePassages == 0
                ? []
                : await knowledge.SearchAsync(turn.BusinessId, customerText, options.Value.KnowledgePassages, cancellationToken);
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, await SystemPromptAsync(turn, profile, tools, passages, cancellationToken)),
            };
            messages.AddRange(History(transcript));
            var chatOptions = new ChatOptions { ModelId = model, Tools = [.. LanguageModelTools.Declarations], ToolMode = ChatToolMode.Auto };
            var calls = new LanguageModelTools(tools, progress, customerText);

            for (var round = 0; round < options.Value.MaxToolRounds; round++)
            {
                var response = await CallAsync(client, messages, chatOptions, cancellationToken);
                usage = usage.Add(UsageOf(response, model));
                var requested = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
                if (requested.Count == 0 || progress.Handoff is not null)
                {
                    if (passages.Count > 0 && progress.Memory.State == FlowState.Greeting)
                    {
                        progress.MoveTo(FlowState.Faq, "question answered");
                    }

                    return Finish(turn, profile, progress, response.Text, usage with { ToolCalls = tools.Calls }, model);
                }

                messages.AddMessages(response);
                var results = new List<AIContent>();
                foreach (var call in requested)
                {
                    results.Add(new FunctionResultContent(call.CallId, await calls.InvokeAsync(call, cancellationToken)));
                }

                messages.Add(new ChatMessage(ChatRole.Tool, results));
            }

            LogToolLoop(turn.BusinessId, turn.ConversationId, options.Value.MaxToolRounds);
            progress.Handoff = HandoffNotes.From("tool_loop", progress.Memory, turn.CustomerName, customerText, tools.Zone);
            progress.MoveTo(FlowState.Handoff, "tool loop capped");
            return Finish(turn, profile, progress, HandoffNotes.HoldingMessage, usage with { ToolCalls = tools.Calls }, model);
        }
        catch (Exception exception) when (exception is LanguageModelException or OperationCanceledException or HttpRequestException
                                          && !cancellationToken.IsCancellationRequested)
        {
            LogModelFailed(exception, turn.BusinessId, turn.ConversationId);
            var failed = new TurnProgress(memory);
            failed.Handoff = HandoffNotes.From("model_failed", memory, turn.CustomerName, customerText, tools.Zone);
            failed.MoveTo(FlowState.Handoff, "model failed");
            return Finish(turn, profile, failed, HandoffNotes.HoldingMessage, usage with { ToolCalls = tools.Calls }, model) with { Error = exception.Message };
        }
    }

    /// <summary>One model call, tried once more after a timeout, a 429, a 5xx or a broken connection.</summary>
    private async Task<ChatResponse> CallAsync(IChatClient client, List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.ModelTimeout);
            try
            {
                return await client.GetResponseAsync(messages, chatOptions, timeout.Token);
            }
            catch (Exception exception) when (attempt == 1 && !cancellationToken.IsCancellationRequested && IsTransient(exception))
            {
                LogRetry(exception, attempt);
                var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
                await Task.Delay(options.Value.RetryDelay + jitter, time, cancellationToken);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LanguageModelException("The model did not answer in time.", null, true, exception);
            }
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is OperationCanceledException or HttpRequestException or LanguageModelException { IsTransient: true };

    private async Task<string> SystemPromptAsync(
        AssistantTurn turn, AssistantProfile profile, AssistantTools tools, IReadOnlyList<KnowledgeMatch> passages, CancellationToken cancellationToken)
    {
        var memory = turn.Memory;
        var services = await tools.ListServicesAsync(cancellationToken);
        var context = new PromptContext(
            turn.CustomerName,
            "+" + turn.CustomerWaId,
            profile.BusinessName,
            profile.TimeZone,
            string.Join('\n', services.Select(s => $"- {s.Name} ({s.Price}, {s.DurationMinutes} min) id={s.Id}")),
            memory.ServiceName,
            memory.Start is { } start ? tools.ToLocal(start).ToString("dddd d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) : null,
            memory.BookingId is null ? null : memory.State == FlowState.Payment ? "awaiting payment" : "booked",
            tools.LocalNow);
        var prompt = new StringBuilder(await prompts.RenderAsync(turn.BusinessId, memory.State, context, cancellationToken));
        prompt.Append("\n\n").Append(AssistantManner.Of(profile.Settings.Tone).ModelInstruction);
        if (!string.IsNullOrWhiteSpace(profile.Settings.Instructions))
        {
            prompt.Append("\n\nThe business's own instructions:\n").Append(profile.Settings.Instructions);
        }

        prompt.Append("\n\nKnowledge base passages (answer questions only from these; when they do not answer it, say you do not know and offer a colleague):");
        if (passages.Count == 0)
        {
            prompt.Append("\n(none match the customer's message)");
        }

        foreach (var passage in passages)
        {
            prompt.Append("\n### ").Append(passage.Title).Append('\n').Append(passage.Body);
        }

        prompt.Append("\n\nMessages from the business's staff appear as assistant messages starting with [Agent]; keep to what they said.");
        return prompt.ToString();
    }

    /// <summary>The newest messages that fit the token budget (about four characters a token), oldest first.</summary>
    private IEnumerable<ChatMessage> History(IReadOnlyList<TranscriptLine> transcript)
    {
        var budget = options.Value.HistoryTokenBudget;
        var kept = new List<ChatMessage>();
        foreach (var line in transcript.Reverse())
        {
            var text = line.Sender switch
            {
                MessageSender.Employee => "[Agent] " + line.Text,
                MessageSender.System => "[Notice] " + line.Text,
                _ => line.Choice?.Title ?? line.Text,
            };
            budget -= text.Length / 4 + 4;
            if (budget < 0 && kept.Count > 0)
            {
                break;
            }

            kept.Add(new ChatMessage(line.Sender == MessageSender.Customer ? ChatRole.User : ChatRole.Assistant, text));
        }

        kept.Reverse();
        return kept;
    }

    private TurnUsage UsageOf(ChatResponse response, string model)
    {
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        var cost = options.Value.Prices.TryGetValue(model, out var price) ? price.CostMicros(input, output) : 0;
        return new TurnUsage(input, output, cost, 0);
    }

    private static AssistantReply Finish(
        AssistantTurn turn, AssistantProfile profile, TurnProgress progress, string? text, TurnUsage usage, string model)
    {
        var messages = new List<MessageContent>();
        var parts = string.IsNullOrWhiteSpace(text)
            ? progress.Handoff is not null ? [AssistantManner.Of(profile.Settings.Tone).ColleagueComing] : []
            : WhatsAppText.Split(text);
        if (progress.Choices is { } choices)
        {
            // An interactive message's body holds at most 1,024 characters: longer text goes first, on its own.
            var body = parts.Count == 1 && parts[0].Length <= 1024 ? parts[0] : "Please choose:";
            messages.AddRange((parts.Count == 1 && parts[0].Length <= 1024 ? [] : parts).Select(MessageContent.PlainText));
            messages.Add(new MessageContent("text", body, Choices: choices));
        }
        else
        {
            messages.AddRange(parts.Select(MessageContent.PlainText));
        }

        return new AssistantReply(turn.TurnId, messages, progress.Memory, Engine, model, progress.Handoff, usage, progress.Moves);
    }

    private static string NewCustomerText(AssistantTurn turn, IReadOnlyList<TranscriptLine> transcript) =>
        string.Join('\n', transcript
            .Where(l => l.Sender == MessageSender.Customer && l.Sequence > turn.Memory.HandledSequence && l.Sequence <= turn.UpToSequence)
            .Select(l => l.Choice?.Title ?? l.Text));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model failed in {BusinessId} {ConversationId}; handing off")]
    private partial void LogModelFailed(Exception exception, Guid businessId, Guid conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model call failed on attempt {Attempt}; retrying once")]
    private partial void LogRetry(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model kept calling tools in {BusinessId} {ConversationId} after {Rounds} rounds; handing off")]
    private partial void LogToolLoop(Guid businessId, Guid conversationId, int rounds);
}
