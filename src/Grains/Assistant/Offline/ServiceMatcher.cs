namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Finds the service a customer chose from the list they were shown: by its number ("2", "#2", "the second one")
/// or by its name, whole or partly ("a men's haircut please" → "Men's Haircut", "brows" → "Eyebrow Threading"),
/// with small typos and spelling variants forgiven ("hiarcut", "color" for "Colour": one edit in words of 5–7
/// letters, two in longer ones) and plurals ignored. Words after "not" are left out ("not the pedicure, the facial").
/// <para>
/// Each service scores how much of what the message says about services its name accounts for. Services within
/// <see cref="Margin"/> of the best are candidates; among them a service whose whole name was said wins ("haircut"
/// → "Haircut" over "Haircut &amp; Colour"), otherwise the match is ambiguous ("haircut" between "Men's Haircut"
/// and "Women's Haircut", "massage" between two massages).
/// </para>
/// </summary>
public sealed class ServiceMatcher(Lexicon lexicon)
{
    private const double Margin = 0.1;
    private const double WholeName = 0.85;
    private const double Epsilon = 1e-9;
    private const int NegationReach = 3;

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
            // The list number wins ("2" when the services are "Package 1", "Package 2"...) unless the message also
            // names another service in full.
            return byName is { Whole: true, Candidates: [var named] } && named != picks[0]
                ? new ServiceMatch([picks[0], named])
                : new ServiceMatch(picks);
        }

        if (picks.Count > 1)
        {
            return new ServiceMatch(picks);
        }

        return byName is null ? null : new ServiceMatch(byName.Value.Candidates);
    }

    private (IReadOnlyList<ServiceOption> Candidates, bool Whole)? ByName(string text, IReadOnlyList<ServiceOption> services)
    {
        var said = Said(text);
        var names = services.Select(s => Content(lexicon.Normalizer.Normalize(s.Name, correct: false))).ToList();

        // How well each word of the message fits each service's name. "hair cut" for "Haircut": adjacent words joined
        // count as one word too.
        var fits = names.Select(name => said.Select(w => name.Count == 0 ? 0 : name.Max(n => Similarity(n.Word, w))).ToArray()).ToList();
        for (var s = 0; s < names.Count; s++)
        {
            for (var k = 0; k + 1 < said.Count; k++)
            {
                var joined = (Word: said[k].Word + said[k + 1].Word, Meaningful: false);
                var fit = names[s].Count == 0 ? 0 : names[s].Max(n => Similarity(n.Word, joined, partly: false));
                fits[s][k] = Math.Max(fits[s][k], fit);
                fits[s][k + 1] = Math.Max(fits[s][k + 1], fit);
            }
        }

        // Only words that fit some service count: "a facial tomorrow at 3" is about the facial alone.
        var relevant = Enumerable.Range(0, said.Count).Where(k => fits.Any(f => f[k] > 0)).ToList();
        if (relevant.Count == 0)
        {
            return null;
        }

        var scores = fits.Select(f => relevant.Average(k => f[k])).ToList();
        var best = scores.Max();
        var close = Enumerable.Range(0, services.Count).Where(s => scores[s] >= best - Margin - Epsilon).ToList();
        var whole = close.Where(s => NameCoverage(names[s], said) >= WholeName - Epsilon).ToList();
        var chosen = whole.Count == 1 ? whole : close;
        return ([.. chosen.Select(s => services[s])], whole.Count == 1);
    }

    /// <summary>The share of a name's words the message says (with joined words: "blow dry" said as "blowdry").</summary>
    private static double NameCoverage(IReadOnlyList<(string Word, bool Meaningful)> name, IReadOnlyList<(string Word, bool Meaningful)> said)
    {
        if (name.Count == 0 || said.Count == 0)
        {
            return 0;
        }

        var found = name.Select(n => said.Max(s => Similarity(n.Word, s, partly: false))).ToArray();
        for (var j = 0; j + 1 < name.Count; j++)
        {
            var joined = said.Max(s => Similarity(name[j].Word + name[j + 1].Word, s, partly: false));
            found[j] = Math.Max(found[j], joined);
            found[j + 1] = Math.Max(found[j + 1], joined);
        }

        return found.Average();
    }

    /// <summary>
    /// 1 for the same word, 0.9 or 0.8 for one or two typos; when <paramref name="partly"/>, 0.8 for a word that starts
    /// with the name's word ("colouring") and 0.6 for the start or end of the name's word ("mani", "brow").
    /// </summary>
    private static double Similarity(string name, (string Word, bool Meaningful) said, bool partly = true)
    {
        if (name == said.Word)
        {
            return 1;
        }

        // Words with a meaning of their own ("book", "tomorrow") are not typos or parts of a service's words.
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

        return said.Word.Length >= 4 && (name.StartsWith(said.Word, StringComparison.Ordinal) || name.EndsWith(said.Word, StringComparison.Ordinal)) ? 0.6 : 0;
    }

    /// <summary>The message's words that may name a service: not stop words, not after "not".</summary>
    private List<(string Word, bool Meaningful)> Said(string text)
    {
        var message = lexicon.Normalizer.Normalize(text, correct: false);
        var negated = Enumerable.Range(0, message.Count)
            .Where(i => Enumerable.Range(Math.Max(0, i - NegationReach), Math.Min(i, NegationReach))
                .Any(j => message.SameClause(j, i) && lexicon.Negators.Contains(message[j])))
            .ToHashSet();
        return Content(message, negated);
    }

    private List<(string Word, bool Meaningful)> Content(NormalizedText message, IReadOnlySet<int>? left = null) =>
        [.. Enumerable.Range(0, message.Count)
            .Where(i => !lexicon.ServiceStopWords.Contains(message[i]) && (left is null || !left.Contains(i)))
            .Select(i => (lexicon.Singular(message[i]), lexicon.MeaningfulWords.Contains(message[i])))];
}
