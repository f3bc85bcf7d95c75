namespace Conversations.Grains.Assistant.Offline;

/// <summary>The raw word tables of one language, as written; <see cref="Lexicon"/> normalizes and indexes them.</summary>
internal sealed record LexiconWords
{
    /// <summary>Intent phrases, written naturally ("I'd like to book"); they are normalized like messages.</summary>
    public required IReadOnlyList<(string Phrase, CustomerIntent Intent, PhraseScope Scope)> IntentPhrases { get; init; }

    /// <summary>Symbols replaced by a word before anything else ("👍" → "ok").</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Emoji { get; init; }

    /// <summary>Words replaced by other words after normalization: contractions without apostrophes, chat shorthand.</summary>
    public required IReadOnlyDictionary<string, string> Shorthands { get; init; }

    /// <summary>Ordinary words that must never be "corrected" into a lexicon word ("stuff" is not "staff").</summary>
    public required IReadOnlyList<string> CommonWords { get; init; }

    /// <summary>Words that turn down what follows them in their clause ("not", "never").</summary>
    public required IReadOnlyList<string> Negators { get; init; }

    /// <summary>Words that turn down only the phrase right after them ("no agent").</summary>
    public required IReadOnlyList<string> AdjacentNegators { get; init; }

    /// <summary>Words after which a negator speaks of ability, not refusal ("I can't find my booking").</summary>
    public required IReadOnlyList<string> AbilityWords { get; init; }

    /// <summary>Words that start a new clause, as a comma does ("but").</summary>
    public required IReadOnlyList<string> ClauseWords { get; init; }

    /// <summary>Words that make a clause a question when it opens with them.</summary>
    public required IReadOnlyList<string> QuestionOpeners { get; init; }

    public required IReadOnlyDictionary<string, int> Months { get; init; }

    public required IReadOnlyDictionary<string, DayOfWeek> Weekdays { get; init; }

    public required IReadOnlyList<(string Phrase, int Days, DayPart? Part)> RelativeDays { get; init; }

    /// <summary>"next" in "next friday": the weekday strictly after today.</summary>
    public required IReadOnlyList<string> NextWords { get; init; }

    /// <summary>"next week" after a weekday ("friday next week"): that weekday in the following calendar week.</summary>
    public required string NextWeek { get; init; }

    public required IReadOnlyList<string> WeekendWords { get; init; }

    /// <summary>Words that may stand between the parts of a date ("the 25th of December").</summary>
    public required IReadOnlyList<string> DateFillers { get; init; }

    /// <summary>Words that make "25th" a day of the month on its own ("on the 25th").</summary>
    public required IReadOnlyList<string> DayOfMonthLeads { get; init; }

    /// <summary>Words after "2nd" that make it a list choice, not a day ("the 2nd one").</summary>
    public required IReadOnlyList<string> NotDayAfter { get; init; }

    /// <summary>"in" of "in 2 days".</summary>
    public required IReadOnlyList<string> InWords { get; init; }

    /// <summary>Words that count as one before a unit ("in a week").</summary>
    public required IReadOnlyList<string> Articles { get; init; }

    /// <summary>Units of "in N days" and their length in days.</summary>
    public required IReadOnlyDictionary<string, int> DayUnits { get; init; }

    public required IReadOnlyDictionary<string, DayPart> DayParts { get; init; }

    public required IReadOnlyDictionary<string, TimeOnly> NamedTimes { get; init; }

    public required IReadOnlyList<string> AmWords { get; init; }

    public required IReadOnlyList<string> PmWords { get; init; }

    /// <summary>The "h" of "15h" and "15h30": a 24-hour clock.</summary>
    public required IReadOnlyList<string> HourMarks { get; init; }

    public required IReadOnlyList<string> OClock { get; init; }

    /// <summary>Words that make the number after them an hour ("at 3").</summary>
    public required IReadOnlyList<string> TimeLeads { get; init; }

    public required IReadOnlyList<(string Phrase, int Minutes)> MinuteOffsets { get; init; }

    /// <summary>Number words, for hours and counts ("at three", "in two days", "option two").</summary>
    public required IReadOnlyDictionary<string, int> Numbers { get; init; }

    public required IReadOnlyDictionary<string, int> Ordinals { get; init; }

    /// <summary>The "th" of "25th".</summary>
    public required IReadOnlyList<string> OrdinalSuffixes { get; init; }

    /// <summary>Words choosing the last option of a list ("the last one", "the latest").</summary>
    public required IReadOnlyList<string> LastWords { get; init; }

    /// <summary>Words that introduce a list number ("number 2", "option 2", "#2").</summary>
    public required IReadOnlyList<string> ChoiceLeads { get; init; }

    /// <summary>Words before a number that make it something other than a list choice ("at 2", "in 2 days").</summary>
    public required IReadOnlyList<string> NotChoiceBefore { get; init; }

    /// <summary>Words after a number that make it something other than a list choice ("2 pm", "2 people").</summary>
    public required IReadOnlyList<string> NotChoiceAfter { get; init; }

    /// <summary>Words that make a number word after them a pronoun, not a choice ("that one", "the one at 3").</summary>
    public required IReadOnlyList<string> Pointers { get; init; }

    /// <summary>Words that carry no choice of their own in a short answer ("two please", "the second one").</summary>
    public required IReadOnlyList<string> ChoiceFillers { get; init; }

    /// <summary>Plural endings and what they become, tried in order ("lashes" → "lash", "nails" → "nail", "glass" stays).</summary>
    public required IReadOnlyList<(string Ending, string Singular)> PluralEndings { get; init; }

    /// <summary>Words ignored when comparing a message with service names.</summary>
    public required IReadOnlyList<string> ServiceStopWords { get; init; }
}
