using System.Globalization;

namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Reads which entries of a numbered list a message picks: "2", "#2", "number 2", "option two", "the second one",
/// "2nd", "the last one". Numbers that are something else are not picks: times ("at 2", "2pm", "2 o'clock"),
/// counts ("in 2 days", "2 people"), dates ("2 May", "the 2nd of May"). A pick after "not" is not one.
/// </summary>
internal sealed class ListChoices(Lexicon lexicon)
{
    private const int NegationReach = 3;

    /// <summary>The 1-based positions picked, distinct, in the order said; they may lie outside 1..<paramref name="count"/>.</summary>
    public IReadOnlyList<int> Read(NormalizedText message, int count)
    {
        var picks = new List<int>();
        for (var i = 0; i < message.Count; i++)
        {
            if (PickAt(message, i, count) is { } pick && !Negated(message, i) && !picks.Contains(pick))
            {
                picks.Add(pick);
            }
        }

        return picks;
    }

    private int? PickAt(NormalizedText message, int i, int count)
    {
        var word = message[i];
        var previous = i > 0 && message.SameClause(i - 1, i) ? message[i - 1] : string.Empty;
        var next = message.At(i + 1);
        if (lexicon.Ordinals.TryGetValue(word, out var ordinal))
        {
            return NamesDate(message, i + 1) ? null : ordinal;
        }

        if (lexicon.LastWords.Contains(word))
        {
            return count;
        }

        if (word.Length is 1 or 2 && word.All(char.IsAsciiDigit))
        {
            if (lexicon.ChoiceLeads.Contains(previous))
            {
                return Value(word);
            }

            if (lexicon.NotChoiceBefore.Contains(previous) || lexicon.Months.ContainsKey(previous))
            {
                return null;
            }

            if (lexicon.OrdinalSuffixes.Contains(next))
            {
                return NamesDate(message, i + 2) || AfterDateLead(message, i) ? null : Value(word);
            }

            return lexicon.NotChoiceAfter.Contains(next) || NamesDate(message, i + 1) ? null : Value(word);
        }

        if (lexicon.Numbers.TryGetValue(word, out var number))
        {
            if (lexicon.ChoiceLeads.Contains(previous))
            {
                return number;
            }

            var alone = !lexicon.Pointers.Contains(previous) && !lexicon.NotChoiceBefore.Contains(previous) && !lexicon.NotChoiceAfter.Contains(next)
                && Enumerable.Range(0, message.Count).All(j => j == i || lexicon.ChoiceFillers.Contains(message[j]));
            return alone ? number : null;
        }

        return null;
    }

    private bool NamesDate(NormalizedText message, int j)
    {
        while (lexicon.DateFillers.Contains(message.At(j)))
        {
            j++;
        }

        return lexicon.Months.ContainsKey(message.At(j));
    }

    // "on the 3rd" is a day of the month.
    private bool AfterDateLead(NormalizedText message, int i)
    {
        var j = i - 1;
        while (lexicon.DateFillers.Contains(message.At(j)))
        {
            j--;
        }

        return j >= 0 && message.SameClause(j, i) && lexicon.NotChoiceBefore.Contains(message[j]);
    }

    private bool Negated(NormalizedText message, int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - NegationReach) && message.SameClause(j, i); j--)
        {
            if (lexicon.Negators.Contains(message[j]))
            {
                return true;
            }
        }

        return false;
    }

    private static int Value(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
}
