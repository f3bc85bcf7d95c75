namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// A message as lower-case words without accents or punctuation. <see cref="Clauses"/> numbers each word's clause
/// (punctuation and words like "but" start a new one), so "no, I want a human" keeps its "no" apart.
/// </summary>
internal sealed record NormalizedText(IReadOnlyList<string> Words, IReadOnlyList<int> Clauses, bool HasQuestionMark)
{
    public int Count => Words.Count;

    public string this[int index] => Words[index];

    /// <summary>The word at <paramref name="index"/>, or the empty string past either end.</summary>
    public string At(int index) => index >= 0 && index < Words.Count ? Words[index] : string.Empty;

    public bool SameClause(int a, int b) => Clauses[a] == Clauses[b];

    /// <summary>Whether the words from <paramref name="start"/> are <paramref name="phrase"/>, all in one clause.</summary>
    public bool HasAt(int start, IReadOnlyList<string> phrase)
    {
        if (start < 0 || start + phrase.Count > Words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Count; k++)
        {
            if (Words[start + k] != phrase[k] || Clauses[start + k] != Clauses[start])
            {
                return false;
            }
        }

        return true;
    }
}
