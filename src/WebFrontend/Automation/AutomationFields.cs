using System.Text.RegularExpressions;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Automation;

namespace Conversations.WebFrontend.Automation;

/// <summary>
/// Conditions and actions as clients send them, checked field by field: a problem names the field at fault, such as
/// <c>actions[1].employeeId</c>. What passes is trimmed and lower-cased where names are compared that way.
/// </summary>
public static partial class AutomationFields
{
    public const int MaxConditions = 20;
    public const int MaxActions = 20;

    public sealed record ConditionRequest(string? Kind, string? Value);

    public sealed record ActionRequest(string? Kind, Guid? EmployeeId, Guid? CannedResponseId, string? Value, string? Language);

    /// <summary>Conditions for a rule on <paramref name="trigger"/> (null when the trigger itself is wrong: then text needs no trigger check).</summary>
    public static IReadOnlyList<AutomationCondition> Conditions(
        IReadOnlyList<ConditionRequest?>? requests, string? trigger, IDictionary<string, string[]> errors)
    {
        var conditions = new List<AutomationCondition>();
        if (requests is null)
        {
            return conditions;
        }

        if (requests.Count > MaxConditions)
        {
            errors["conditions"] = [$"At most {MaxConditions} conditions."];
            return conditions;
        }

        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"conditions[{i}]";
            var kind = requests[i]?.Kind?.Trim().ToLowerInvariant();
            var value = requests[i]?.Value?.Trim();
            if (kind is null || !AutomationCondition.Kinds.Contains(kind))
            {
                errors[$"{field}.kind"] = [$"One of {string.Join(", ", AutomationCondition.Kinds)}."];
                continue;
            }

            string? problem = kind switch
            {
                AutomationCondition.TextContains when trigger is not null
                    && trigger is not (AutomationTriggers.MessageReceived or AutomationTriggers.ConversationCreated) =>
                    "Only rules on message_received or conversation_created see a message's text.",
                AutomationCondition.TextContains when string.IsNullOrEmpty(value) || value.Length > 200 => "1 to 200 characters.",
                AutomationCondition.Label or AutomationCondition.CustomerTag when value is null || !LabelName().IsMatch(value.ToLowerInvariant()) =>
                    "1 to 32 letters, digits, '-' or '_'.",
                AutomationCondition.Channel when value is not ("meta" or "twilio" or "local") => "One of meta, twilio, local.",
                AutomationCondition.BusinessHours when value is not ("inside" or "outside") => "inside or outside.",
                _ => null,
            };
            if (problem is not null)
            {
                errors[kind == AutomationCondition.TextContains && problem.StartsWith("Only", StringComparison.Ordinal) ? $"{field}.kind" : $"{field}.value"] = [problem];
                continue;
            }

            conditions.Add(new AutomationCondition(kind, kind is AutomationCondition.Label or AutomationCondition.CustomerTag ? value!.ToLowerInvariant() : value!));
        }

        return conditions;
    }

    /// <summary>Actions, with the employees and canned responses they name checked against the business.</summary>
    public static async Task<IReadOnlyList<AutomationAction>> ActionsAsync(
        IReadOnlyList<ActionRequest?>? requests, Guid businessId, AutomationReferences references, IDictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var actions = new List<AutomationAction>();
        if (requests is null || requests.Count == 0 || requests.Count > MaxActions)
        {
            errors["actions"] = [$"1 to {MaxActions} actions."];
            return actions;
        }

        var (employees, canned) = await references.KnownAsync(
            businessId,
            requests.Select(r => r?.EmployeeId).OfType<Guid>().ToList(),
            requests.Select(r => r?.CannedResponseId).OfType<Guid>().ToList(),
            cancellationToken);
        for (var i = 0; i < requests.Count; i++)
        {
            var field = $"actions[{i}]";
            var request = requests[i];
            var kind = request?.Kind?.Trim().ToLowerInvariant();
            var value = request?.Value?.Trim();
            if (kind is null || !AutomationAction.Kinds.Contains(kind))
            {
                errors[$"{field}.kind"] = [$"One of {string.Join(", ", AutomationAction.Kinds)}."];
                continue;
            }

            var before = errors.Count;
            switch (kind)
            {
                case AutomationAction.Assign:
                    if (request!.EmployeeId is not { } assignee || !employees.Contains(assignee))
                    {
                        errors[$"{field}.employeeId"] = ["An active employee of the business is required."];
                    }

                    break;
                case AutomationAction.AddLabel:
                    value = value?.ToLowerInvariant();
                    if (value is null || !LabelName().IsMatch(value))
                    {
                        errors[$"{field}.value"] = ["The label: 1 to 32 letters, digits, '-' or '_'."];
                    }

                    break;
                case AutomationAction.SendCannedResponse:
                    if (request!.CannedResponseId is not { } cannedId || !canned.Contains(cannedId))
                    {
                        errors[$"{field}.cannedResponseId"] = ["One of the business's canned responses is required."];
                    }

                    break;
                case AutomationAction.SendTemplate:
                    if (string.IsNullOrEmpty(value) || !TemplateName().IsMatch(value))
                    {
                        errors[$"{field}.value"] = ["The approved template's name: 1 to 512 lowercase letters, digits or '_'."];
                    }

                    if (request!.Language is { } language && !Language().IsMatch(language.Trim()))
                    {
                        errors[$"{field}.language"] = ["A language code such as 'en' or 'en_US'."];
                    }

                    break;
                case AutomationAction.SetPriority:
                    value = value?.ToLowerInvariant();
                    if (value is null || !ConversationPriorities.All.Contains(value))
                    {
                        errors[$"{field}.value"] = [$"One of {string.Join(", ", ConversationPriorities.All)}."];
                    }

                    break;
                case AutomationAction.SetStatus:
                    value = value?.ToLowerInvariant();
                    if (value is not ("open" or "pending" or "resolved"))
                    {
                        errors[$"{field}.value"] = ["One of open, pending, resolved."];
                    }

                    break;
                case AutomationAction.Notify:
                    if (request!.EmployeeId is { } notified && !employees.Contains(notified))
                    {
                        errors[$"{field}.employeeId"] = ["An active employee of the business, or none (the assignee, else the owners and admins)."];
                    }

                    if (value is { Length: > 200 })
                    {
                        errors[$"{field}.value"] = ["At most 200 characters."];
                    }

                    break;
            }

            if (errors.Count > before)
            {
                continue;
            }

            actions.Add(kind switch
            {
                AutomationAction.Assign => new AutomationAction(kind, EmployeeId: request!.EmployeeId),
                AutomationAction.SendCannedResponse => new AutomationAction(kind, CannedResponseId: request!.CannedResponseId),
                AutomationAction.SendTemplate => new AutomationAction(kind, Value: value, Language: request!.Language?.Trim() ?? "en"),
                AutomationAction.Notify => new AutomationAction(kind, EmployeeId: request!.EmployeeId, Value: string.IsNullOrEmpty(value) ? null : value),
                AutomationAction.AddLabel or AutomationAction.SetPriority or AutomationAction.SetStatus => new AutomationAction(kind, Value: value),
                _ => new AutomationAction(kind),
            });
        }

        return actions;
    }

    /// <summary>A name of 1 to 100 characters, trimmed; <c>null</c> with a problem otherwise.</summary>
    public static string? Name(string? name, IDictionary<string, string[]> errors)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 100)
        {
            errors["name"] = ["1 to 100 characters."];
            return null;
        }

        return trimmed;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex LabelName();

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex Language();
}
