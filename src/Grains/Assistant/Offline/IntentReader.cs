using System.Collections.Immutable;

namespace Conversations.Grains.Assistant.Offline;

/// <summary>
/// Reads what a customer's message asks for, from phrases of the lexicon. Phrases are found left to right, the
/// longest at each word first, so "cancel my booking" is one phrase and "good morning" is a greeting, not a "good".
/// A phrase is negated when "not"/"never"/"without" comes before it in its clause ("I don't want to talk to a
/// human"), or "no" right before it ("no agent"); "can't"/"couldn't" speak of ability and negate nothing ("I can't
/// find my booking"). Negated phrases count for nothing, and a message that only negates reads as Decline.
/// </summary>
public sealed class IntentReader(Lexicon lexicon)
{
    // How many words may stand between a negator and the phrase it negates: "not want to talk to | a human".
    private const int NegationReach = 5;

    private static readonly ImmutableArray<CustomerIntent> Precedence =
    [
        CustomerIntent.Human, CustomerIntent.CancelBooking, CustomerIntent.MyBookings, CustomerIntent.AskPrices, CustomerIntent.Book,
        CustomerIntent.ListServices, CustomerIntent.Decline, CustomerIntent.Confirm, CustomerIntent.Goodbye, CustomerIntent.Thanks,
        CustomerIntent.Greeting,
    ];

    private static readonly ImmutableArray<CustomerIntent> Social = [CustomerIntent.Greeting, CustomerIntent.Thanks, CustomerIntent.Goodbye];

    public IntentReader()
        : this(Lexicon.English)
    {
    }

    public MessageReading Read(string text)
    {
        var message = lexicon.Normalizer.Normalize(text, correct: true);
        var found = new List<(IntentPhrase Phrase, int Start)>();
        for (var i = 0; i < message.Count;)
        {
            var phrase = lexicon.PhraseAt(message, i);
            if (phrase is null)
            {
                i++;
                continue;
            }

            found.Add((phrase, i));
            i += phrase.Words.Count;
        }

        // A negator inside a longer phrase belongs to it ("can't make it", "not that one").
        var insidePhrases = found.Where(f => f.Phrase.Words.Count > 1).SelectMany(f => Enumerable.Range(f.Start, f.Phrase.Words.Count)).ToHashSet();
        var mentioned = new HashSet<CustomerIntent>();
        var negated = new HashSet<CustomerIntent>();
        foreach (var (phrase, start) in found.Where(f => f.Phrase.Intent != CustomerIntent.Unknown))
        {
            var intent = phrase.Intent;
            if (intent != CustomerIntent.Decline && IsNegated(message, start, insidePhrases))
            {
                negated.Add(intent);
            }
            else
            {
                mentioned.Add(intent);
            }
        }

        if (negated.Any(i => !Social.Contains(i)) && !mentioned.Any(i => !Social.Contains(i)))
        {
            mentioned.Add(CustomerIntent.Decline);
        }

        var primary = Precedence.FirstOrDefault(mentioned.Contains, CustomerIntent.Unknown);
        return new MessageReading(primary, mentioned, IsQuestion(message), negated.Count > 0);
    }

    private bool IsNegated(NormalizedText message, int start, HashSet<int> insidePhrases)
    {
        for (var j = start - 1; j >= Math.Max(0, start - 1 - NegationReach) && message.SameClause(j, start); j--)
        {
            if (insidePhrases.Contains(j))
            {
                continue;
            }

            var word = message[j];
            if (lexicon.Negators.Contains(word) && !lexicon.AbilityWords.Contains(message.At(j - 1)))
            {
                return true;
            }

            if (j == start - 1 && lexicon.AdjacentNegators.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsQuestion(NormalizedText message)
    {
        if (message.HasQuestionMark)
        {
            return true;
        }

        for (var i = 0; i < message.Count; i++)
        {
            if ((i == 0 || !message.SameClause(i - 1, i)) && lexicon.QuestionOpeners.Contains(message[i]))
            {
                return true;
            }
        }

        return false;
    }
}
