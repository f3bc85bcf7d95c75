namespace Conversations.Grains.Assistant;

/// <summary>
/// How the assistant speaks in the tone the business chose (<see cref="AssistantTones"/>): the offline assistant's
/// stock sentences, and the instruction that asks a language model for the same manner.
/// </summary>
public sealed class AssistantManner
{
    private static readonly AssistantManner Friendly = new(
        AssistantTones.Friendly,
        (name, business, _) => $"Hi{(name is null ? "" : " " + name)}! Welcome to {business}.",
        "You're welcome! Is there anything else I can help you with?",
        "Goodbye, and thank you for writing to us!",
        HandoffNotes.ColleagueComing,
        "Tone: warm and friendly, in plain everyday words; an emoji now and then is fine.");

    private static readonly AssistantManner Formal = new(
        AssistantTones.Formal,
        (name, business, hour) => $"{PartOfDay(hour)}{(name is null ? "" : ", " + name)}. Thank you for contacting {business}.",
        "You are most welcome. May I assist you with anything else?",
        "Thank you for contacting us. We wish you a pleasant day.",
        "Certainly. I am transferring you to a member of our team, who will reply here shortly.",
        "Tone: formal and courteous; complete sentences, no slang, no emoji, address the customer politely.");

    private static readonly AssistantManner Concise = new(
        AssistantTones.Concise,
        (name, business, _) => $"Hi{(name is null ? "" : " " + name)}, this is {business}.",
        "You're welcome.",
        "Bye, thanks for writing.",
        "OK, a colleague will reply here shortly.",
        "Tone: concise; answer in one or two short sentences, no pleasantries beyond a greeting.");

    private readonly Func<string?, string, int, string> greeting;

    private AssistantManner(
        string tone, Func<string?, string, int, string> greeting, string thanks, string goodbye, string colleagueComing, string modelInstruction)
    {
        Tone = tone;
        this.greeting = greeting;
        Thanks = thanks;
        Goodbye = goodbye;
        ColleagueComing = colleagueComing;
        ModelInstruction = modelInstruction;
    }

    public string Tone { get; }

    /// <summary>The reply to a customer's thanks.</summary>
    public string Thanks { get; }

    /// <summary>The reply to a customer's goodbye.</summary>
    public string Goodbye { get; }

    /// <summary>What the customer is told when they are passed to a person.</summary>
    public string ColleagueComing { get; }

    /// <summary>The sentence added to a model's system prompt.</summary>
    public string ModelInstruction { get; }

    public static AssistantManner Of(string tone) => tone switch
    {
        AssistantTones.Formal => Formal,
        AssistantTones.Concise => Concise,
        _ => Friendly,
    };

    /// <param name="firstName">The customer's first name when known.</param>
    /// <param name="localHour">The hour at the business, for a formal "Good morning".</param>
    public string Greeting(string? firstName, string businessName, int localHour) => greeting(firstName, businessName, localHour);

    private static string PartOfDay(int hour) => hour switch
    {
        < 5 => "Good evening",
        < 12 => "Good morning",
        < 18 => "Good afternoon",
        _ => "Good evening",
    };
}
