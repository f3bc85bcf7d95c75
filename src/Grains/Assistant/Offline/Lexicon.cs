using System.Collections.Frozen;

namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// The words of one language the offline assistant understands: intent phrases, chat shorthand, calendar and
/// list words. The readers hold no words of their own, so another language is another lexicon (and whatever word
/// order rules it needs); English is the only one so far.
/// </summary>
public sealed class Lexicon
{
    internal Lexicon(LexiconWords words)
    {
        var shorthands = words.Shorthands.ToFrozenDictionary(p => p.Key, p => p.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var clauseWords = words.ClauseWords.ToFrozenSet();
        var plain = new TextNormalizer(words.Emoji, shorthands, clauseWords, FrozenSet<string>.Empty);
        string[] Split(string phrase) => [.. plain.Normalize(phrase, correct: false).Words];

        Phrases = words.IntentPhrases
            .Select(p => new IntentPhrase(Split(p.Phrase), p.Intent, p.Scope))
            .Where(p => p.Words.Count > 0)
            .GroupBy(p => p.Words[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Count).ToArray());
        RelativeDays = [.. words.RelativeDays.Select(r => new RelativeDay(Split(r.Phrase), r.Days, r.Part)).OrderByDescending(r => r.Words.Count)];
        MinuteOffsets = [.. words.MinuteOffsets.Select(m => new MinuteOffset(Split(m.Phrase), m.Minutes))];
        NextWeek = Split(words.NextWeek);
        Negators = words.Negators.ToFrozenSet();
        AdjacentNegators = words.AdjacentNegators.ToFrozenSet();
        AbilityWords = words.AbilityWords.ToFrozenSet();
        QuestionOpeners = words.QuestionOpeners.ToFrozenSet();
        Months = words.Months.ToFrozenDictionary();
        Weekdays = words.Weekdays.ToFrozenDictionary();
        NextWords = words.NextWords.ToFrozenSet();
        WeekendWords = words.WeekendWords.ToFrozenSet();
        DateFillers = words.DateFillers.ToFrozenSet();
        DayOfMonthLeads = words.DayOfMonthLeads.ToFrozenSet();
        NotDayAfter = words.NotDayAfter.ToFrozenSet();
        InWords = words.InWords.ToFrozenSet();
        Articles = words.Articles.ToFrozenSet();
        DayUnits = words.DayUnits.ToFrozenDictionary();
        DayParts = words.DayParts.ToFrozenDictionary();
        NamedTimes = words.NamedTimes.ToFrozenDictionary();
        AmWords = words.AmWords.ToFrozenSet();
        PmWords = words.PmWords.ToFrozenSet();
        HourMarks = words.HourMarks.ToFrozenSet();
        OClock = [.. words.OClock.Select(Split)];
        TimeLeads = words.TimeLeads.ToFrozenSet();
        Numbers = words.Numbers.ToFrozenDictionary();
        Ordinals = words.Ordinals.ToFrozenDictionary();
        OrdinalSuffixes = words.OrdinalSuffixes.ToFrozenSet();
        LastWords = words.LastWords.ToFrozenSet();
        ChoiceLeads = words.ChoiceLeads.ToFrozenSet();
        NotChoiceBefore = words.NotChoiceBefore.ToFrozenSet();
        NotChoiceAfter = words.NotChoiceAfter.ToFrozenSet();
        ChoiceFillers = words.ChoiceFillers.ToFrozenSet();
        Pointers = words.Pointers.ToFrozenSet();
        ServiceStopWords = words.ServiceStopWords.ToFrozenSet();
        PluralEndings = words.PluralEndings;

        IEnumerable<string> calendar =
        [
            .. Months.Keys, .. Weekdays.Keys, .. RelativeDays.SelectMany(r => r.Words), .. MinuteOffsets.SelectMany(m => m.Words),
            .. NextWeek, .. NextWords, .. WeekendWords, .. DateFillers, .. DayOfMonthLeads, .. InWords, .. DayUnits.Keys, .. DayParts.Keys, .. NamedTimes.Keys, .. AmWords,
            .. PmWords, .. HourMarks, .. OClock.SelectMany(o => o), .. TimeLeads, .. Numbers.Keys, .. Ordinals.Keys, .. OrdinalSuffixes,
            .. LastWords, .. ChoiceLeads,
        ];
        MeaningfulWords = Phrases.Values.SelectMany(p => p).SelectMany(p => p.Words).Concat(calendar).ToFrozenSet();
        var vocabulary = MeaningfulWords
            .Concat(words.CommonWords.SelectMany(Split))
            .Concat(shorthands.Values.SelectMany(w => w))
            .Concat(Negators).Concat(AdjacentNegators).Concat(AbilityWords).Concat(clauseWords).Concat(QuestionOpeners)
            .Concat(ChoiceFillers).Concat(Pointers).Concat(ServiceStopWords).Concat(NotChoiceBefore).Concat(NotChoiceAfter)
            .ToFrozenSet();
        Normalizer = new TextNormalizer(words.Emoji, shorthands, clauseWords, vocabulary);
    }

    public static Lexicon English { get; } = new(EnglishLexicon.Words);

    internal TextNormalizer Normalizer { get; }

    /// <summary>Intent phrases by their first word, longest first.</summary>
    internal FrozenDictionary<string, IntentPhrase[]> Phrases { get; }

    /// <summary>Words that mean something to a reader (intent and calendar words), as opposed to ordinary words.</summary>
    internal FrozenSet<string> MeaningfulWords { get; }

    internal FrozenSet<string> Negators { get; }

    internal FrozenSet<string> AdjacentNegators { get; }

    internal FrozenSet<string> AbilityWords { get; }

    internal FrozenSet<string> QuestionOpeners { get; }

    internal FrozenDictionary<string, int> Months { get; }

    internal FrozenDictionary<string, DayOfWeek> Weekdays { get; }

    /// <summary>Longest first.</summary>
    internal IReadOnlyList<RelativeDay> RelativeDays { get; }

    internal FrozenSet<string> NextWords { get; }

    internal IReadOnlyList<string> NextWeek { get; }

    internal FrozenSet<string> WeekendWords { get; }

    internal FrozenSet<string> DateFillers { get; }

    internal FrozenSet<string> DayOfMonthLeads { get; }

    internal FrozenSet<string> NotDayAfter { get; }

    internal FrozenSet<string> InWords { get; }

    internal FrozenSet<string> Articles { get; }

    internal FrozenDictionary<string, int> DayUnits { get; }

    internal FrozenDictionary<string, DayPart> DayParts { get; }

    internal FrozenDictionary<string, TimeOnly> NamedTimes { get; }

    internal FrozenSet<string> AmWords { get; }

    internal FrozenSet<string> PmWords { get; }

    internal FrozenSet<string> HourMarks { get; }

    internal IReadOnlyList<string[]> OClock { get; }

    internal FrozenSet<string> TimeLeads { get; }

    internal IReadOnlyList<MinuteOffset> MinuteOffsets { get; }

    internal FrozenDictionary<string, int> Numbers { get; }

    internal FrozenDictionary<string, int> Ordinals { get; }

    internal FrozenSet<string> OrdinalSuffixes { get; }

    internal FrozenSet<string> LastWords { get; }

    internal FrozenSet<string> ChoiceLeads { get; }

    internal FrozenSet<string> NotChoiceBefore { get; }

    internal FrozenSet<string> NotChoiceAfter { get; }

    internal FrozenSet<string> ChoiceFillers { get; }

    internal FrozenSet<string> Pointers { get; }

    internal FrozenSet<string> ServiceStopWords { get; }

    internal IReadOnlyList<(string Ending, string Singular)> PluralEndings { get; }

    /// <summary>The singular of a word, by the first plural ending it has; words of three letters or fewer stay.</summary>
    internal string Singular(string word)
    {
        foreach (var (ending, singular) in PluralEndings)
        {
            if (word.Length > 3 && word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length] + singular;
            }
        }

        return word;
    }

    /// <summary>The longest intent phrase starting at <paramref name="start"/> that fits its scope there, or null.</summary>
    internal IntentPhrase? PhraseAt(NormalizedText message, int start)
    {
        if (!Phrases.TryGetValue(message[start], out var candidates))
        {
            return null;
        }

        foreach (var phrase in candidates)
        {
            if (!message.HasAt(start, phrase.Words))
            {
                continue;
            }

            var end = start + phrase.Words.Count;
            var fits = phrase.Scope switch
            {
                PhraseScope.FirstClause => start == 0 && (end == message.Count || !message.SameClause(0, end)),
                PhraseScope.WholeMessage => start == 0 && end == message.Count,
                _ => true,
            };
            if (fits)
            {
                return phrase;
            }
        }

        return null;
    }
}
