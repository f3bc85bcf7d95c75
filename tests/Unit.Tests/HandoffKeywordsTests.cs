using Conversations.Grains.Assistant;

namespace Conversations.Unit.Tests;

/// <summary>Handoff keywords match whole words and phrases, whatever the case and accents.</summary>
public sealed class HandoffKeywordsTests
{
    [Theory]
    [InlineData("I have a COMPLAINT", "complaint")]
    [InlineData("Quiero poner una queja.", "queja")]
    [InlineData("Quiero poner una QUÉJA", "queja")]
    [InlineData("can I speak to a human, please?", "speak to a human")]
    [InlineData("can I   speak   to a\nhuman", "speak to a human")]
    [InlineData("refund!", "refund")]
    public void A_keyword_in_the_text_is_found(string text, string keyword) =>
        Assert.Equal(keyword, HandoffKeywords.FirstIn(text, ["lawyer", keyword]));

    [Theory]
    [InlineData("no complaints so far")]
    [InlineData("it was refunded already")]
    [InlineData("speak to a humanoid")]
    [InlineData("")]
    public void A_keyword_inside_another_word_is_not_found(string text) =>
        Assert.Null(HandoffKeywords.FirstIn(text, ["complaint", "refund", "speak to a human"]));

    [Fact]
    public void No_keywords_match_nothing()
    {
        Assert.Null(HandoffKeywords.FirstIn("complaint", []));
        Assert.Null(HandoffKeywords.FirstIn("complaint", null));
        Assert.Null(HandoffKeywords.FirstIn("complaint", ["   "]));
    }
}
