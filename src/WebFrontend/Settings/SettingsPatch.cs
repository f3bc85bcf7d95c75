using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Media;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Services;
using Conversations.Infrastructure.Settings;
using Conversations.WebFrontend.Businesses;
using Conversations.WebFrontend.Services;

namespace Conversations.WebFrontend.Settings;

/// <summary>
/// Reads a <c>PATCH /api/settings</c> body against the current settings, as a JSON merge patch (RFC 7396): what is
/// left out stays as it is, <c>null</c> clears what may be empty (and is refused where a value is required), and every
/// field at fault is named by its path (<c>general.timeZone</c>, <c>general.businessHours.weeklyHours[0].closes</c>).
/// The rules are those of the older endpoints: the hours of <c>PUT /api/availability/hours</c>, the assistant of
/// <c>PATCH /api/settings/ai</c> (the API key write-only: left out or null keeps it, <c>""</c> removes it).
/// </summary>
public sealed partial class SettingsPatch(StoredMediaFile? requestedLogo)
{
    public const int MaxAwayMessageLength = 1000;
    public const int MaxKeywords = 20;
    public const int MaxKeywordLength = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string name = "", timeZone = "", language = "";
    private string? awayMessage;
    private IReadOnlyList<WeeklyHours>? weeklyHours;
    private IReadOnlyList<DateException>? exceptions;
    private bool aiChanged, rulesChanged;
    private bool enabled;
    private string provider = "";
    private string? baseUrl, model, instructions;
    private string tone = "";
    private int? maxMisunderstandings;
    private IReadOnlyList<string> keywords = [];
    private Guid? logoMediaId;
    private string? primaryColor, accentColor;

    /// <summary>The fields at fault, by path, after <see cref="Apply"/> refused.</summary>
    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>The API key as sent: null when left out or null (kept), empty to remove it.</summary>
    public string? ApiKey { get; private set; }

    /// <summary>
    /// The parts of a body that older endpoints guard with a permission of their own, beyond <c>settings.manage</c>:
    /// the assistant (<c>PATCH /api/settings/ai</c>) and the business hours (<c>PUT /api/availability/hours</c>).
    /// </summary>
    public static IEnumerable<(string Section, string Permission)> GuardedSections(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (body.TryGetProperty("ai", out _))
        {
            yield return ("ai", Permissions.AssistantManage);
        }

        if (body.TryGetProperty("general", out var general) && general.ValueKind == JsonValueKind.Object && general.TryGetProperty("businessHours", out _))
        {
            yield return ("general.businessHours", Permissions.ServicesManage);
        }
    }

    /// <summary>The logo a body asks for, so it can be looked up before the change is decided.</summary>
    public static Guid? RequestedLogo(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty("branding", out var branding) && branding.ValueKind == JsonValueKind.Object
        && branding.TryGetProperty("logoMediaId", out var logo) && logo.ValueKind == JsonValueKind.String
        && Guid.TryParse(logo.GetString(), out var id)
            ? id
            : null;

    /// <summary>The change <paramref name="body"/> makes to <paramref name="current"/>, or null with <see cref="Errors"/> filled.</summary>
    public BusinessSettingsChange? Apply(JsonElement body, BusinessSettings current)
    {
        Errors.Clear();
        (name, timeZone, language, awayMessage) = (current.Name, current.TimeZone, current.Language, current.AwayMessage);
        (enabled, provider, baseUrl, model, instructions) = (current.Ai.Enabled, current.Ai.Provider, current.Ai.BaseUrl, current.Ai.Model, current.Ai.Instructions);
        (tone, maxMisunderstandings, keywords) = (current.Ai.Tone, current.Ai.MaxMisunderstandings, current.Ai.HandoffKeywords);
        (logoMediaId, primaryColor, accentColor) = (current.LogoMediaId, current.PrimaryColor, current.AccentColor);
        (weeklyHours, exceptions, aiChanged, rulesChanged, ApiKey) = (null, null, false, false, null);

        if (body.ValueKind != JsonValueKind.Object)
        {
            Errors["body"] = ["A JSON object with any of general, ai and branding."];
            return null;
        }

        foreach (var section in body.EnumerateObject())
        {
            switch (section.Name)
            {
                case "general":
                    Section(section, General);
                    break;
                case "ai":
                    aiChanged = true;
                    Section(section, Ai);
                    break;
                case "branding":
                    Section(section, p => Branding(p, current));
                    break;
                default:
                    Errors[section.Name] = ["Not a section of the settings: general, ai or branding."];
                    break;
            }
        }

        if (aiChanged && provider == AssistantSettings.OpenAi && model is null)
        {
            Errors["ai.model"] = ["A model is required for an OpenAI-compatible endpoint."];
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        return new BusinessSettingsChange(
            name,
            timeZone,
            language,
            weeklyHours is null && exceptions is null ? null : new OpeningSchedule(weeklyHours ?? current.Hours.WeeklyHours, exceptions ?? current.Hours.Exceptions),
            awayMessage,
            aiChanged
                ? new AssistantSettingsChange(
                    enabled, provider, baseUrl, model, ApiKey, instructions, rulesChanged ? new AssistantRules(tone, maxMisunderstandings, keywords) : null)
                : null,
            logoMediaId,
            primaryColor,
            accentColor);
    }

    private void Section(JsonProperty section, Action<JsonProperty> field)
    {
        if (section.Value.ValueKind != JsonValueKind.Object)
        {
            Errors[section.Name] = ["An object; leave the section out to keep it as it is."];
            return;
        }

        foreach (var property in section.Value.EnumerateObject())
        {
            field(property);
        }
    }

    private void General(JsonProperty field)
    {
        var path = $"general.{field.Name}";
        switch (field.Name)
        {
            case "name":
                if (Text(field, path, required: true) is { } text)
                {
                    if (text.Length is 0 or > BusinessesApi.MaxBusinessNameLength || text.Any(char.IsControl))
                    {
                        Errors[path] = [$"The business's name: 1 to {BusinessesApi.MaxBusinessNameLength} characters."];
                    }
                    else
                    {
                        name = text;
                    }
                }

                break;
            case "timeZone":
                if (Text(field, path, required: true) is { } zone)
                {
                    if (BusinessesApi.IsIanaTimeZone(zone))
                    {
                        timeZone = zone;
                    }
                    else
                    {
                        Errors[path] = ["An IANA time zone id, e.g. Europe/Madrid."];
                    }
                }

                break;
            case "language":
                if (Text(field, path, required: true) is { } tag)
                {
                    if (LanguageTags.Normalize(tag) is { } normalized)
                    {
                        language = normalized;
                    }
                    else
                    {
                        Errors[path] = ["A BCP 47 language tag: a language, optionally a script and a region, e.g. en, es, pt-BR, zh-Hant-TW."];
                    }
                }

                break;
            case "businessHours":
                BusinessHours(field);
                break;
            case "awayMessage":
                if (Text(field, path, required: false, out var away))
                {
                    if (away is { Length: > MaxAwayMessageLength })
                    {
                        Errors[path] = [$"At most {MaxAwayMessageLength} characters; null or empty for none."];
                    }
                    else
                    {
                        awayMessage = away is { Length: > 0 } ? away : null;
                    }
                }

                break;
            default:
                Unknown(path, "name, timeZone, language, businessHours, awayMessage");
                break;
        }
    }

    /// <summary>Either list given replaces that list; each is checked as <c>PUT /api/availability/hours</c> checks it.</summary>
    private void BusinessHours(JsonProperty field)
    {
        const string At = "general.businessHours";
        if (field.Value.ValueKind != JsonValueKind.Object)
        {
            Errors[At] = ["An object with weeklyHours and/or exceptions, as PUT /api/availability/hours takes them."];
            return;
        }

        List<HoursRequest>? week = null;
        List<ExceptionRequest>? dated = null;
        foreach (var list in field.Value.EnumerateObject())
        {
            var path = $"{At}.{list.Name}";
            switch (list.Name)
            {
                case "weeklyHours":
                    week = List<HoursRequest>(list, path);
                    break;
                case "exceptions":
                    dated = List<ExceptionRequest>(list, path);
                    break;
                default:
                    Unknown(path, "weeklyHours, exceptions");
                    break;
            }
        }

        var errors = new Dictionary<string, string[]>();
        var schedule = ScheduleFields.Parse(week, dated, errors);
        foreach (var (key, messages) in errors)
        {
            Errors[$"{At}.{key}"] = messages;
        }

        weeklyHours = week is null ? weeklyHours : schedule.WeeklyHours;
        exceptions = dated is null ? exceptions : schedule.Exceptions;
    }

    private List<T>? List<T>(JsonProperty field, string path)
    {
        if (field.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        try
        {
            return field.Value.ValueKind == JsonValueKind.Array ? field.Value.Deserialize<List<T>>(Json) ?? [] : throw new JsonException();
        }
        catch (JsonException)
        {
            Errors[path] = ["A list, as PUT /api/availability/hours takes it."];
            return null;
        }
    }

    private void Ai(JsonProperty field)
    {
        var path = $"ai.{field.Name}";
        switch (field.Name)
        {
            case "enabled":
                if (field.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    enabled = field.Value.GetBoolean();
                }
                else
                {
                    Errors[path] = ["true or false."];
                }

                break;
            case "provider":
                if (Text(field, path, required: true) is { } chosen)
                {
                    if (chosen.ToLowerInvariant() is AssistantSettings.Offline or AssistantSettings.OpenAi)
                    {
                        provider = chosen.ToLowerInvariant();
                    }
                    else
                    {
                        Errors[path] = ["The provider is 'offline' (the built-in assistant) or 'openai' (any OpenAI-compatible endpoint)."];
                    }
                }

                break;
            case "baseUrl":
                if (Text(field, path, required: false, out var url))
                {
                    if (url is { Length: > 0 } && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
                    {
                        Errors[path] = ["The base URL must be an absolute http(s) URL, such as https://api.openai.com/v1."];
                    }
                    else
                    {
                        baseUrl = url is { Length: > 0 } ? url : null;
                    }
                }

                break;
            case "model":
                if (Text(field, path, required: false, out var id))
                {
                    if (id is { Length: > 100 } || (id?.Any(char.IsWhiteSpace) ?? false))
                    {
                        Errors[path] = ["The model is an id such as gpt-4o-mini: at most 100 characters, no spaces."];
                    }
                    else
                    {
                        model = id is { Length: > 0 } ? id : null;
                    }
                }

                break;
            case "apiKey":
                if (Text(field, path, required: false, out var key))
                {
                    if (key is { Length: > 500 })
                    {
                        Errors[path] = ["The API key is at most 500 characters."];
                    }
                    else
                    {
                        ApiKey = key;
                    }
                }

                break;
            case "instructions":
                if (Text(field, path, required: false, out var words))
                {
                    if (words is { Length: > 4000 })
                    {
                        Errors[path] = ["The instructions are at most 4,000 characters."];
                    }
                    else
                    {
                        instructions = words is { Length: > 0 } ? words : null;
                    }
                }

                break;
            case "tone":
                rulesChanged = true;
                if (Text(field, path, required: true) is { } manner)
                {
                    if (AssistantTones.All.Contains(manner.ToLowerInvariant()))
                    {
                        tone = manner.ToLowerInvariant();
                    }
                    else
                    {
                        Errors[path] = [$"One of: {string.Join(", ", AssistantTones.All)}."];
                    }
                }

                break;
            case "handoff":
                rulesChanged = true;
                Section(field, Handoff);
                break;
            case "hasApiKey" or "updatedAt":
                Errors[path] = ["Read-only."];
                break;
            default:
                Unknown(path, "enabled, provider, baseUrl, model, apiKey, instructions, tone, handoff");
                break;
        }
    }

    private void Handoff(JsonProperty field)
    {
        var path = $"ai.handoff.{field.Name}";
        switch (field.Name)
        {
            case "maxMisunderstandings":
                if (field.Value.ValueKind == JsonValueKind.Null)
                {
                    maxMisunderstandings = null;
                }
                else if (field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var count) && count is >= 1 and <= 10)
                {
                    maxMisunderstandings = count;
                }
                else
                {
                    Errors[path] = ["1 to 10 messages in a row; null for the platform's default."];
                }

                break;
            case "keywords":
                Keywords(field, path);
                break;
            default:
                Unknown(path, "maxMisunderstandings, keywords");
                break;
        }
    }

    private void Keywords(JsonProperty field, string path)
    {
        if (field.Value.ValueKind == JsonValueKind.Null)
        {
            keywords = [];
            return;
        }

        if (field.Value.ValueKind != JsonValueKind.Array)
        {
            Errors[path] = ["A list of words or phrases."];
            return;
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in field.Value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim().ToLowerInvariant() : null;
            if (text is null || text.Length is 0 or > MaxKeywordLength || text.Any(char.IsControl))
            {
                Errors[$"{path}[{i}]"] = [$"A word or phrase of 1 to {MaxKeywordLength} characters."];
            }
            else if (!list.Contains(text))
            {
                list.Add(text);
            }

            i++;
        }

        if (list.Count > MaxKeywords)
        {
            Errors[path] = [$"At most {MaxKeywords} words or phrases."];
        }

        keywords = list;
    }

    private void Branding(JsonProperty field, BusinessSettings current)
    {
        var path = $"branding.{field.Name}";
        switch (field.Name)
        {
            case "logoMediaId":
                if (field.Value.ValueKind == JsonValueKind.Null)
                {
                    logoMediaId = null;
                }
                else if (field.Value.ValueKind == JsonValueKind.String && Guid.TryParse(field.Value.GetString(), out var id)
                         && (id == current.LogoMediaId || (requestedLogo?.Id == id && requestedLogo.Kind == MediaKinds.Image)))
                {
                    logoMediaId = id;
                }
                else
                {
                    Errors[path] = ["The id of an image among the business's media (GET /api/media?kind=image), or null for none."];
                }

                break;
            case "primaryColor":
                primaryColor = Color(field, path, primaryColor);
                break;
            case "accentColor":
                accentColor = Color(field, path, accentColor);
                break;
            default:
                Unknown(path, "logoMediaId, primaryColor, accentColor");
                break;
        }
    }

    private string? Color(JsonProperty field, string path, string? current)
    {
        if (!Text(field, path, required: false, out var color))
        {
            return current;
        }

        if (color is null)
        {
            return null;
        }

        if (!HexColor().IsMatch(color))
        {
            Errors[path] = ["A colour as #RRGGBB, e.g. #1A73E8; null for the default."];
            return current;
        }

        return color.ToUpperInvariant();
    }

    /// <summary>A required string, trimmed; null (with an error) when it is not one.</summary>
    private string? Text(JsonProperty field, string path, bool required) =>
        Text(field, path, required, out var value) ? value : null;

    /// <summary>A string (trimmed) or, unless required, null; false (with an error) for anything else.</summary>
    private bool Text(JsonProperty field, string path, bool required, out string? value)
    {
        value = null;
        if (field.Value.ValueKind == JsonValueKind.Null && !required)
        {
            return true;
        }

        if (field.Value.ValueKind != JsonValueKind.String)
        {
            Errors[path] = [required ? "Required: a string." : "A string, or null."];
            return false;
        }

        value = field.Value.GetString()!.Trim();

        // PostgreSQL text cannot hold NUL.
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            Errors[path] = ["Must not contain NUL characters."];
            return false;
        }

        return true;
    }

    private void Unknown(string path, string known) => Errors[path] = [$"Not a setting here; these are: {known}."];

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
