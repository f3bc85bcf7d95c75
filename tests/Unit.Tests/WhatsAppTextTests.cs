using Conversations.Grains.Assistant;

namespace Conversations.Unit.Tests;

public sealed class WhatsAppTextTests
{
    [Fact]
    public void A_short_reply_is_one_message() =>
        Assert.Equal(["Hello there."], WhatsAppText.Split("  Hello there.  "));

    [Fact]
    public void A_long_reply_is_cut_at_a_paragraph_then_a_sentence_then_a_word()
    {
        var paragraph = string.Concat(Enumerable.Repeat("We read by hand. ", 150)).Trim();
        var parts = WhatsAppText.Split(paragraph + "\n\n" + paragraph);
        Assert.Equal([paragraph, paragraph], parts);

        var sentences = string.Concat(Enumerable.Repeat("One sentence here. ", 400));
        Assert.All(WhatsAppText.Split(sentences), p => Assert.True(p.Length <= WhatsAppText.MaxLength && p.EndsWith('.'), p[^10..]));

        var words = string.Concat(Enumerable.Repeat("word ", 2000));
        var cut = WhatsAppText.Split(words);
        Assert.All(cut, p => Assert.True(p.Length <= WhatsAppText.MaxLength));
        Assert.Equal(2000, cut.Sum(p => p.Split(' ').Length));
    }

    [Fact]
    public void Text_without_boundaries_is_cut_hard_but_never_inside_a_surrogate_pair()
    {
        var text = new string('a', WhatsAppText.MaxLength - 1) + "😀" + new string('b', 10);
        var parts = WhatsAppText.Split(text);
        Assert.Equal(text, string.Concat(parts));
        Assert.Equal(WhatsAppText.MaxLength - 1, parts[0].Length);
        Assert.StartsWith("😀", parts[1], StringComparison.Ordinal);
    }
}
