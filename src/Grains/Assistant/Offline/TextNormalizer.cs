using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Turns a message into words the readers can look up: lower case, accents and emoji variation marks removed,
/// apostrophes joined ("men's" → "mens"), shorthands expanded ("don't" → "do not", "thx" → "thanks"). With
/// correction on, a word the lexicon does not know is mended when exactly one known word is close: stretched
/// letters ("helloooo", "tommorrow") first, then one typo in words of 5–7 letters and two in longer ones.
/// </summary>
internal sealed partial class TextNormalizer(
    IReadOnlyList<KeyValuePair<string, string>> emoji,
    FrozenDictionary<string, string[]> shorthands,
    FrozenSet<string> clauseWords,
    FrozenSet<string> vocabulary)
{
    // Words are only corrected towards words this long: shorter ones are too close to everything.
    private const int ShortestCorrected = 5;
    private const int MostStretchedRuns = 6;

    private readonly string[] orderedVocabulary = vocabulary.Order(StringComparer.Ordinal).ToArray();

    public NormalizedText Normalize(string? text, bool correct)
    {
        var words = new List<string>();
        var clauses = new List<int>();
        var clause = 0;
        var question = false;
        foreach (Match token in Token().Matches(Prepare(text ?? string.Empty)))
        {
            if (token.Groups["word"].Success || token.Groups["number"].Success || token.Groups["hash"].Success)
            {
                var value = token.Value;
                if (token.Groups["word"].Success)
                {
                    foreach (var word in Expand(value, correct))
                    {
                        if (clauseWords.Contains(word))
                        {
                            clause++;
                        }

                        words.Add(word);
                        clauses.Add(clause);
                    }

                    continue;
                }

                words.Add(value);
                clauses.Add(clause);
            }
            else if (token.Groups["amp"].Success)
            {
                words.Add("and");
                clauses.Add(clause);
            }
            else
            {
                question |= token.Value == "?";
                clause++;
            }
        }

        return new NormalizedText(words, clauses, question);
    }

    private string Prepare(string text)
    {
        var s = EmojiModifiers().Replace(text, string.Empty);
        foreach (var (symbol, word) in emoji)
        {
            s = s.Replace(symbol, $" {word} ", StringComparison.Ordinal);
        }

        var plain = new StringBuilder(s.Length);
        foreach (var c in s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'').Replace('\u00b4', '\'').Replace('\u02bc', '\'').Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        s = plain.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        s = Meridiem().Replace(s, "${m}m ");
        s = InnerApostrophe().Replace(s, string.Empty);
        return s.Replace('\'', ' ');
    }

    private IEnumerable<string> Expand(string word, bool correct)
    {
        if (correct)
        {
            word = Correct(word);
        }

        return shorthands.TryGetValue(word, out var replacement) ? replacement : [word];
    }

    private bool Knows(string word) => vocabulary.Contains(word) || shorthands.ContainsKey(word);

    private string Correct(string word)
    {
        if (Knows(word) || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        foreach (var unstretched in Unstretched(word))
        {
            if (Knows(unstretched))
            {
                return unstretched;
            }
        }

        return word.Length >= ShortestCorrected ? Closest(word) ?? word : word;
    }

    /// <summary>
    /// The word with its repeated letters shortened, each run to two letters or one, in a fixed order: "hellooo"
    /// gives "helloo", "heloo", "hello", "helo". Runs beyond the first few are always shortened to one letter.
    /// </summary>
    private static IEnumerable<string> Unstretched(string word)
    {
        var runs = new List<(char Letter, int Length)>();
        foreach (var c in word)
        {
            if (runs.Count > 0 && runs[^1].Letter == c)
            {
                runs[^1] = (c, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((c, 1));
            }
        }

        var repeated = runs.Select((r, i) => (r, i)).Where(x => x.r.Length > 1).Select(x => x.i).ToList();
        if (repeated.Count == 0)
        {
            yield break;
        }

        var choices = Math.Min(repeated.Count, MostStretchedRuns);
        for (var mask = 0; mask < 1 << choices; mask++)
        {
            var built = new StringBuilder(word.Length);
            for (var i = 0; i < runs.Count; i++)
            {
                var at = repeated.IndexOf(i);
                var keep = runs[i].Length == 1 ? 1 : at >= 0 && at < choices && (mask & (1 << at)) == 0 ? 2 : 1;
                built.Append(runs[i].Letter, keep);
            }

            var candidate = built.ToString();
            if (candidate != word)
            {
                yield return candidate;
            }
        }
    }

    private string? Closest(string word)
    {
        var max = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        var tie = false;
        foreach (var known in orderedVocabulary)
        {
            if (known.Length < ShortestCorrected - 1)
            {
                continue;
            }

            var distance = EditDistance.Between(word, known, max);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (known, distance, false);
            }
            else if (distance == bestDistance && distance <= max)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    // Variation selectors, zero-width joiners and skin tones, so 👍🏽 is 👍.
    [GeneratedRegex(@"[\uFE0E\uFE0F\u200D]|\uD83C[\uDFFB-\uDFFF]")]
    private static partial Regex EmojiModifiers();

    [GeneratedRegex(@"(?<!\p{L})(?<m>[ap])\.\s?m(?!\p{L})\.?")]
    private static partial Regex Meridiem();

    [GeneratedRegex(@"(?<=\p{L})'(?=\p{L})")]
    private static partial Regex InnerApostrophe();

    [GeneratedRegex(@"(?<number>[0-9]+(?:[:./-][0-9]+)*)|(?<word>\p{L}+)|(?<hash>#)|(?<amp>&)|(?<stop>[?!.,;:\n\r\u2026()])")]
    private static partial Regex Token();
}
