using Conversations.Grains.Conversations;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Channels;

namespace Conversations.Unit.Tests;

public sealed class MetaPayloadTests
{
    [Fact]
    public void Five_choices_become_a_list_with_row_ids()
    {
        var payload = MetaCloudApiClient.Payload("34600000000", SatisfactionSurvey.Question());

        Assert.Equal("interactive", (string?)payload["type"]);
        var interactive = payload["interactive"]!;
        Assert.Equal("list", (string?)interactive["type"]);
        var rows = interactive["action"]!["sections"]![0]!["rows"]!.AsArray();
        Assert.Equal(["csat:5", "csat:4", "csat:3", "csat:2", "csat:1"], rows.Select(r => (string?)r!["id"]));
    }

    [Fact]
    public void Up_to_three_short_choices_become_reply_buttons()
    {
        var content = new MessageContent("interactive", "Confirm?", Choices: new ChoicePrompt("Choose",
            [new InteractiveReply("yes", "Yes"), new InteractiveReply("no", "No")]));

        var interactive = MetaCloudApiClient.Payload("1", content)["interactive"]!;

        Assert.Equal("button", (string?)interactive["type"]);
        Assert.Equal(["yes", "no"], interactive["action"]!["buttons"]!.AsArray().Select(b => (string?)b!["reply"]!["id"]));
    }

    [Theory]
    [InlineData("csat:4", null, 4)]
    [InlineData(null, "5", 5)]
    [InlineData(null, " 2 ", 2)]
    [InlineData(null, "6", null)]
    [InlineData(null, "great", null)]
    [InlineData("slot-10am", null, null)]
    public void Survey_reads_a_chosen_option_or_a_bare_digit(string? optionId, string? text, int? expected)
    {
        var answer = optionId is null
            ? MessageContent.PlainText(text!)
            : new MessageContent("interactive", "x", Reply: new InteractiveReply(optionId, "x"));

        Assert.Equal(expected, SatisfactionSurvey.RatingOf(answer));
    }
}
