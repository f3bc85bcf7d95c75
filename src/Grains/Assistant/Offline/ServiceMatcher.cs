namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Finds the service a customer chose from the list they were shown: by its number ("2", "#2", "the second one")
/// or by its name, whole or partly ("a men's haircut please" → "Men's Haircut"), with small typos and spelling
/// variants forgiven ("hiarcut", "color" for "Colour": one edit in words of 5–7 letters, two in longer ones) and
/// plurals ignored. A service scores the share of its name's words the message contains; services within
/// <see cref="Margin"/> of the best are all candidates, and among them the one that accounts clearly best for the
/// message's own words wins ("haircut and beard" → "Haircut &amp; Beard" over "Haircut"); otherwise the match is
/// ambiguous ("haircut" between "Men's Haircut" and "Women's Haircut").
/// </summary>
public sealed class ServiceMatcher(Lexicon lexicon)
{
    private const double Margin = 0.1;
    private const double Epsilon = 1e-9;

    private readonly ListChoices choices = new(lexicon);

    public ServiceMatcher()
        : this(Lexicon.English)
    {
    }

    /// <summary>The chosen service, the equally good candidates, or null when the message names none of them.</summary>
    public ServiceMatch? Match(string text, IReadOnlyList<ServiceOption> services)
    {
        if (services.Count == 0)
        {
            return null;
        }

        var byName = ByName(text, services);
        var picks = choices.Read(lexicon.Normalizer.Normalize(text, correct: true), services.Count)
            .Where(p => p >= 1 && p <= services.Count)
            .Select(p => services[p - 1])
            .ToList();
        if (picks.Count == 1)
        {
            // "2" when the second service is "Package 2" and the first "Package 1"... the list number wins, unless the
            // message also names another service in full.
            return byName is { Full: true, Candidates: [var named] } && named != picks[0]
                ? new ServiceMatch([picks[0], named])
                : new ServiceMatch(picks);
        }

        if (picks.Count > 1)
        {
            return new ServiceMatch(picks);
        }

        return byName is null ? null : new ServiceMatch(byName.Value.Candidates);
    }

    private (IReadOnlyList<ServiceOption> Candidates, bool Full)? ByName(string text, IReadOnlyList<ServiceOption> services)
    {
        var said = Content(text);
        if (said.Count == 0)
        {
            return null;
        }

        // "hair cut" for "Haircut": adjacent words joined count as one word too.
        var sayings = said.Concat(said.Zip(said.Skip(1), (a, b) => (Word: a.Word + b.Word, Meaningful: false))).ToList();
        var scored = services
            .Select(service => (Service: service, Score: Score(Content(service.Name), sayings, said)))
            .Where(s => s.Score.Name > 0)
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var best = scored.Max(s => s.Score.Name);
        var close = scored.Where(s => s.Score.Name >= best - Margin - Epsilon).ToList();
        var mostExplaining = close.Max(s => s.Score.Said);
        var winners = close.Where(s => s.Score.Said >= mostExplaining - Margin - Epsilon).ToList();
        return ([.. winners.Select(w => w.Service)], winners.Count == 1 && winners[0].Score.Name >= 1 - Epsilon);
    }

    /// <summary>The share of the name's words found in the message, and the share of the message's words found in the name.</summary>
    private static (double Name, double Said) Score(
        IReadOnlyList<(string Word, bool Meaningful)> name, IReadOnlyList<(string Word, bool Meaningful)> sayings, IReadOnlyList<(string Word, bool Meaningful)> said)
    {
        if (name.Count == 0)
        {
            return (0, 0);
        }

        var found = name.Select(n => sayings.Max(s => Similarity(n.Word, s))).ToArray();
        for (var j = 0; j + 1 < name.Count; j++)
        {
            var joined = sayings.Max(s => Similarity(name[j].Word + name[j + 1].Word, s, partly: false));
            found[j] = Math.Max(found[j], joined);
            found[j + 1] = Math.Max(found[j + 1], joined);
        }

        var explained = said.Select(s => name.Max(n => Similarity(n.Word, s))).Average();
        return (found.Average(), explained);
    }

    /// <summary>1 for the same word, 0.9 or 0.8 for one or two typos, 0.8 or 0.6 for one word starting the other (when <paramref name="partly"/>).</summary>
    private static double Similarity(string name, (string Word, bool Meaningful) said, bool partly = true)
    {
        if (name == said.Word)
        {
            return 1;
        }

        // Words with a meaning of their own ("book", "tomorrow") are not typos of a service's words.
        if (said.Meaningful)
        {
            return 0;
        }

        var shorter = Math.Min(name.Length, said.Word.Length);
        if (shorter >= 5)
        {
            var max = shorter >= 8 ? 2 : 1;
            var distance = EditDistance.Between(name, said.Word, max);
            if (distance <= max)
            {
                return 1 - (0.1 * distance);
            }
        }

        if (!partly)
        {
            return 0;
        }

        if (name.Length >= 4 && said.Word.StartsWith(name, StringComparison.Ordinal))
        {
            return 0.8;
        }

        return said.Word.Length >= 4 && name.StartsWith(said.Word, StringComparison.Ordinal) ? 0.6 : 0;
    }

    private List<(string Word, bool Meaningful)> Content(string text) =>
        [.. lexicon.Normalizer.Normalize(text, correct: false).Words
            .Where(w => !lexicon.ServiceStopWords.Contains(w))
            .Select(w => (Stem(w), lexicon.MeaningfulWords.Contains(w)))];

    private static string Stem(string word) => word.Length >= 4 && word[^1] == 's' && word[^2] != 's' ? word[..^1] : word;
}
