using Conversations.Grains.Automation;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Conversations;

/// <summary>
/// Automation inside the conversation: the business's rules on this conversation's events, in order; macros an
/// employee runs; SLA targets with their warning and breach. Rules run only for what comes from outside (the
/// customer, an employee, the assistant): whatever a rule's actions do — send, resolve, hand off — raises no rule,
/// so no rule can fire itself or another one in a loop.
/// </summary>
public sealed partial class ConversationGrain
{
    private const string SlaReminder = "sla";
    private const string FirstResponse = "first_response";
    private const string Resolution = "resolution";

    // Greater than zero while a rule's actions run (memory only: a grain runs one call at a time).
    private int ruleDepth;
    private IGrainTimer? slaTimer;

    public async Task<MacroOutcome> RunMacroAsync(MacroRun run)
    {
        // Before the key's lookup: a conversation that does not exist has no runs, and its business is not known.
        if (!state.RecordExists)
        {
            return new MacroOutcome(Guid.Empty, false, [], null);
        }

        var conversationId = this.GetPrimaryKey();
        if (run.IdempotencyKey is { } key && await automation.FindExecutionAsync(state.State.BusinessId, conversationId, key) is { } earlier)
        {
            return new MacroOutcome(earlier.Id, true, earlier.Actions, Snapshot());
        }

        var setup = await AutomationSetupAsync();
        var (outcomes, webhook) = await RunActionsAsync(run.Actions, run.EmployeeId, run.Name, setup);
        var execution = new AutomationExecution(
            Guid.CreateVersion7(time.GetUtcNow()), state.State.BusinessId, conversationId, null, run.MacroId, run.Name, null,
            run.EmployeeId, run.IdempotencyKey, outcomes, webhook, time.GetUtcNow());
        await RecordExecutionAsync(execution);
        return new MacroOutcome(execution.Id, false, outcomes, Snapshot());
    }

    public Task BookingCreatedAsync(Guid bookingId) => RunRulesAsync(AutomationTriggers.BookingCreated, null);

    /// <summary>Runs the enabled rules on this trigger whose conditions hold, in the business's order. Never fails the event.</summary>
    private async Task RunRulesAsync(string trigger, string? text)
    {
        if (ruleDepth > 0 || !state.RecordExists || state.State.CustomerWaId == ErasedCustomer)
        {
            return;
        }

        var s = state.State;
        try
        {
            var setup = await AutomationSetupAsync();
            var rules = setup.Rules.Where(r => r.Trigger == trigger).ToList();
            if (rules.Count == 0)
            {
                return;
            }

            ruleDepth++;
            try
            {
                IReadOnlyList<string>? tags = null;
                foreach (var rule in rules)
                {
                    if (rule.Conditions.Any(c => c.Kind == AutomationCondition.CustomerTag))
                    {
                        tags ??= await automation.CustomerTagsAsync(s.BusinessId, s.CustomerWaId);
                    }

                    if (!rule.Conditions.All(c => Holds(c, text, tags, setup.Hours)))
                    {
                        continue;
                    }

                    var (outcomes, webhook) = await RunActionsAsync(rule.Actions, null, rule.Name, setup);
                    await RecordExecutionAsync(new AutomationExecution(
                        Guid.CreateVersion7(time.GetUtcNow()), s.BusinessId, this.GetPrimaryKey(), rule.Id, null, rule.Name, trigger,
                        null, null, outcomes, webhook, time.GetUtcNow()));
                }
            }
            finally
            {
                ruleDepth--;
            }
        }
        catch (Exception exception)
        {
            // What the customer or employee did stands; a rule that cannot run is logged, not turned into their error.
            LogRulesFailed(exception, s.BusinessId, this.GetPrimaryKey(), trigger);
        }
    }

    private bool Holds(AutomationCondition condition, string? text, IReadOnlyList<string>? tags, BusinessHours hours) => condition.Kind switch
    {
        AutomationCondition.TextContains => text is not null && text.Contains(condition.Value, StringComparison.OrdinalIgnoreCase),
        AutomationCondition.Label => state.State.Labels.Contains(condition.Value, StringComparer.OrdinalIgnoreCase),
        AutomationCondition.CustomerTag => tags is not null && tags.Contains(condition.Value, StringComparer.OrdinalIgnoreCase),
        AutomationCondition.Channel => (state.State.ChannelKey ?? ChannelKeys.Local).StartsWith(condition.Value + ":", StringComparison.Ordinal)
            || (state.State.ChannelKey is null && condition.Value == ChannelKeys.Local),
        AutomationCondition.BusinessHours => BusinessClock.IsOpen(hours, time.GetUtcNow()) == (condition.Value == "inside"),
        _ => false,
    };

    private async Task<(IReadOnlyList<ActionOutcome> Outcomes, bool Webhook)> RunActionsAsync(
        IReadOnlyList<AutomationAction> actions, Guid? employeeId, string name, AutomationSetup setup)
    {
        var outcomes = new List<ActionOutcome>();
        var webhook = false;
        foreach (var action in actions)
        {
            if (action.Kind == AutomationAction.CallWebhook)
            {
                webhook = true;
                outcomes.Add(new ActionOutcome(action.Kind, "done"));
                continue;
            }

            try
            {
                outcomes.Add(await RunActionAsync(action, employeeId, name, setup));
            }
            catch (Exception exception)
            {
                LogActionFailed(exception, state.State.BusinessId, this.GetPrimaryKey(), action.Kind);
                outcomes.Add(new ActionOutcome(action.Kind, "failed", exception.GetType().Name));
            }
        }

        return (outcomes, webhook);
    }

    private async Task<ActionOutcome> RunActionAsync(AutomationAction action, Guid? employeeId, string name, AutomationSetup setup)
    {
        var s = state.State;
        switch (action.Kind)
        {
            case AutomationAction.Assign when action.EmployeeId is { } assignee:
                return await AssignByAutomationAsync(assignee, employeeId, "assign", action.Kind);

            case AutomationAction.AssignRoundRobin:
                var agent = await GrainFactory.GetGrain<IBusinessGrain>(s.BusinessId).ChooseAgentAsync();
                if (agent is null)
                {
                    return new ActionOutcome(action.Kind, "skipped", "no_agent_available");
                }

                var assigned = await AssignByAutomationAsync(agent.Value, employeeId, "auto_assign", action.Kind);
                await NotifyQuietlyAsync([agent.Value], "handoff", $"A conversation with {s.CustomerName ?? s.CustomerWaId} needs you");
                return assigned;

            case AutomationAction.AddLabel when action.Value is { } label:
                await ChangeLabelsAsync([label], []);
                return new ActionOutcome(action.Kind, "done");

            case AutomationAction.SendCannedResponse when action.CannedResponseId is { } cannedId:
                var text = await automation.RenderCannedResponseAsync(s.BusinessId, cannedId, s.CustomerName, employeeId);
                return text is null
                    ? new ActionOutcome(action.Kind, "skipped", "canned_response_not_found")
                    : await SendByAutomationAsync(action.Kind, employeeId, MessageContent.PlainText(text));

            case AutomationAction.SendTemplate when action.Value is { } template:
                return await SendByAutomationAsync(action.Kind, employeeId, new MessageContent(
                    "template", null, Template: new TemplateUse(template, action.Language ?? "en", [])));

            case AutomationAction.SetPriority when action.Value is { } priority:
                if (s.Priority != priority)
                {
                    s.Priority = priority;
                    await automation.SetPriorityAsync(s.BusinessId, this.GetPrimaryKey(), priority);
                    await state.WriteStateAsync();
                }

                return new ActionOutcome(action.Kind, "done");

            case AutomationAction.SetStatus when Enum.TryParse<ConversationStatus>(action.Value, true, out var status):
                await ChangeStatusAsync(status, null);
                return new ActionOutcome(action.Kind, "done");

            case AutomationAction.HandOff:
                await HandOffAsync(employeeId);
                await GrainFactory.GetGrain<IBusinessGrain>(s.BusinessId).ConversationWaitingAsync(this.GetPrimaryKey());
                return new ActionOutcome(action.Kind, "done");

            case AutomationAction.Notify:
                IReadOnlyList<Guid> to = action.EmployeeId is { } one ? [one] : s.AssigneeId is { } holder ? [holder] : setup.Supervisors;
                await NotifyQuietlyAsync(to, "automation", action.Value ?? $"{name}: {s.CustomerName ?? s.CustomerWaId}");
                return new ActionOutcome(action.Kind, to.Count > 0 ? "done" : "skipped", to.Count > 0 ? null : "nobody_to_notify");

            default:
                return new ActionOutcome(action.Kind, "skipped", "incomplete");
        }
    }

    private async Task<ActionOutcome> AssignByAutomationAsync(Guid assignee, Guid? actorId, string handoverAction, string kind)
    {
        var s = state.State;
        if (s.Mode == ConversationMode.Human && s.AssigneeId == assignee)
        {
            return new ActionOutcome(kind, "done");
        }

        var from = s.AssigneeId;
        var fromAssistant = s.Mode == ConversationMode.Ai;
        s.Mode = ConversationMode.Human;
        s.AssigneeId = assignee;
        await CommitHandlingAsync(new Handover(from is null ? handoverAction : "transfer", actorId, from, assignee, time.GetUtcNow()));
        await AssistantStoppedAsync(fromAssistant ? "takeover" : null);
        if (from is not null)
        {
            FreeCapacity();
        }

        return new ActionOutcome(kind, "done");
    }

    private async Task<ActionOutcome> SendByAutomationAsync(string kind, Guid? employeeId, MessageContent content)
    {
        var outcome = await SendAsync(new OutboundMessage(
            Guid.CreateVersion7(time.GetUtcNow()), employeeId is null ? MessageSender.System : MessageSender.Employee, employeeId, content));
        return outcome.Refusal is { } refusal
            ? new ActionOutcome(kind, "skipped", refusal.ToString())
            : new ActionOutcome(kind, "done");
    }

    private async Task RecordExecutionAsync(AutomationExecution execution)
    {
        await automation.RecordExecutionAsync(execution);
        if (execution.Webhook)
        {
            await GrainFactory.GetGrain<IWebhookDispatcherGrain>(execution.BusinessId).StartAsync();
        }
    }

    private Task<AutomationSetup> AutomationSetupAsync() =>
        GrainFactory.GetGrain<IBusinessGrain>(state.State.BusinessId).GetAutomationAsync();

    private async Task NotifyQuietlyAsync(IReadOnlyList<Guid> employees, string kind, string title)
    {
        foreach (var employee in employees)
        {
            try
            {
                await notifier.NotifyAsync(state.State.BusinessId, employee, kind, title, this.GetPrimaryKey());
            }
            catch (Exception exception)
            {
                LogNotifyFailed(exception, state.State.BusinessId, this.GetPrimaryKey());
            }
        }
    }

    /// <summary>A customer wrote while humans have the conversation (or it was just handed to them): the cycle's targets start, unless they run.</summary>
    private async Task StartSlaAsync()
    {
        var s = state.State;
        if (s.Sla.Count > 0 || s.Mode != ConversationMode.Human || s.Status == ConversationStatus.Resolved)
        {
            return;
        }

        try
        {
            var setup = await AutomationSetupAsync();
            var policy = setup.SlaPolicies.FirstOrDefault(p => p.Priority is null || p.Priority == s.Priority);
            if (policy is null)
            {
                return;
            }

            var now = time.GetUtcNow();
            s.Sla.Add(Target(policy, FirstResponse, policy.FirstResponseMinutes, now, setup.Hours));
            if (policy.ResolutionMinutes is { } resolution)
            {
                s.Sla.Add(Target(policy, Resolution, resolution, now, setup.Hours));
            }

            foreach (var target in s.Sla)
            {
                await SaveTargetAsync(target, null, null);
            }

            await state.WriteStateAsync();
            await ArmSlaAsync();
        }
        catch (Exception exception)
        {
            LogSlaFailed(exception, s.BusinessId, this.GetPrimaryKey());
        }
    }

    private static SlaTarget Target(SlaPolicy policy, string metric, int minutes, DateTimeOffset now, BusinessHours hours)
    {
        var span = TimeSpan.FromMinutes(minutes);
        var warnSpan = span * policy.WarningPercent / 100;
        return new SlaTarget
        {
            Id = Guid.CreateVersion7(now),
            PolicyId = policy.Id,
            Metric = metric,
            StartedAt = now,
            WarnAt = policy.BusinessHoursOnly ? BusinessClock.Add(hours, now, warnSpan) : now + warnSpan,
            DueAt = policy.BusinessHoursOnly ? BusinessClock.Add(hours, now, span) : now + span,
        };
    }

    /// <summary>The metric's target was met (an employee answered; the conversation was resolved).</summary>
    private async Task MeetSlaAsync(string metric)
    {
        var s = state.State;
        var met = s.Sla.Where(t => t.Metric == metric).ToList();
        if (met.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var target in met)
        {
            await SaveTargetAsync(target, null, now);
            s.Sla.Remove(target);
        }

        await state.WriteStateAsync();
        await DisarmSlaIfDoneAsync();
    }

    /// <summary>The conversation went back to the assistant: nothing is owed to the customer by a human any more.</summary>
    private async Task DropSlaAsync()
    {
        if (state.State.Sla.Count == 0)
        {
            return;
        }

        state.State.Sla.Clear();
        await state.WriteStateAsync();
        await DisarmSlaIfDoneAsync();
    }

    /// <summary>Warns at the warning time and notifies at the breach; a breached target is done.</summary>
    private async Task CheckSlaAsync()
    {
        var s = state.State;
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var target in s.Sla.ToList())
        {
            var what = target.Metric == FirstResponse ? "first response" : "resolution";
            var customer = s.CustomerName ?? s.CustomerWaId;
            if (now >= target.DueAt)
            {
                await SaveTargetAsync(target, now, null);
                s.Sla.Remove(target);
                changed = true;
                await NotifyQuietlyAsync(await SlaRecipientsAsync(), "sla_breach", $"SLA breached: {what} to {customer} was due {target.DueAt:u}");
            }
            else if (target.WarnedAt is null && now >= target.WarnAt)
            {
                target.WarnedAt = now;
                await SaveTargetAsync(target, null, null);
                changed = true;
                await NotifyQuietlyAsync(await SlaRecipientsAsync(), "sla_warning", $"SLA at risk: {what} to {customer} is due {target.DueAt:u}");
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
            await DisarmSlaIfDoneAsync();
        }
    }

    private async Task<IReadOnlyList<Guid>> SlaRecipientsAsync() =>
        state.State.AssigneeId is { } holder ? [holder] : (await AutomationSetupAsync()).Supervisors;

    private Task SaveTargetAsync(SlaTarget target, DateTimeOffset? breachedAt, DateTimeOffset? metAt) =>
        automation.SaveSlaTargetAsync(new SlaTargetRecord(
            target.Id, state.State.BusinessId, this.GetPrimaryKey(), target.PolicyId, target.Metric, target.StartedAt, target.DueAt,
            target.WarnedAt, breachedAt, metAt));

    /// <summary>
    /// A timer looks at the clock while the grain is active; a minute reminder (durable, minute-grained) brings the
    /// grain back after a restart or deactivation so no target is forgotten.
    /// </summary>
    private async Task ArmSlaAsync()
    {
        if (state.State.Sla.Count == 0)
        {
            return;
        }

        slaTimer ??= this.RegisterGrainTimer(
            CheckSlaAsync, new GrainTimerCreationOptions(automationOptions.Value.SlaCheckInterval, automationOptions.Value.SlaCheckInterval));
        if (await this.GetReminder(SlaReminder) is null)
        {
            await this.RegisterOrUpdateReminder(SlaReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    private async Task DisarmSlaIfDoneAsync()
    {
        if (state.State.Sla.Count > 0)
        {
            return;
        }

        slaTimer?.Dispose();
        slaTimer = null;
        if (await this.GetReminder(SlaReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automation rules on {Trigger} could not run in {BusinessId} {ConversationId}")]
    private partial void LogRulesFailed(Exception exception, Guid businessId, Guid conversationId, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An automation action {Kind} failed in {BusinessId} {ConversationId}")]
    private partial void LogActionFailed(Exception exception, Guid businessId, Guid conversationId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA targets could not start in {BusinessId} {ConversationId}")]
    private partial void LogSlaFailed(Exception exception, Guid businessId, Guid conversationId);
}
