using System.Globalization;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Conversations;

/// <summary>The rating question sent when a conversation is resolved, and how its answers are read.</summary>
public static class SatisfactionSurvey
{
    private const string OptionPrefix = "csat:";

    /// <summary>How long after a rating the customer's next text is taken as its comment.</summary>
    public static readonly TimeSpan CommentWindow = TimeSpan.FromHours(1);

    public static MessageContent CommentInvitation() =>
        MessageContent.PlainText("Thank you for your rating! If you would like to add a comment, just reply to this message.");

    /// <summary>How long after asking an answer still counts.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(7);

    public static MessageContent Question() => new(
        "interactive",
        "Thank you for contacting us! How would you rate this conversation?",
        Choices: new ChoicePrompt("Rate us",
        [
            new InteractiveReply($"{OptionPrefix}5", "5 - Excellent"),
            new InteractiveReply($"{OptionPrefix}4", "4 - Good"),
            new InteractiveReply($"{OptionPrefix}3", "3 - Okay"),
            new InteractiveReply($"{OptionPrefix}2", "2 - Poor"),
            new InteractiveReply($"{OptionPrefix}1", "1 - Very poor"),
        ]));

    /// <summary>
    /// The rating an answer gives: the option chosen from the list, or, where the channel could only send
    /// numbered text, a message that is just the digit.
    /// </summary>
    public static int? RatingOf(MessageContent answer)
    {
        var text = answer.Reply?.Id is { } id && id.StartsWith(OptionPrefix, StringComparison.Ordinal)
            ? id[OptionPrefix.Length..]
            : answer.Kind == "text" ? answer.Text?.Trim() : null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5
            ? rating
            : null;
    }
}
