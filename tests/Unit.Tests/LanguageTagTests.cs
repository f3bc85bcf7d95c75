using Conversations.WebFrontend.Settings;

namespace Conversations.Unit.Tests;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("ES", "es")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData(" en-GB ", "en-GB")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("sr-Latn", "sr-Latn")]
    [InlineData("es-419", "es-419")]
    [InlineData("fil", "fil")]
    public void A_tag_is_written_in_its_canonical_case(string tag, string expected) => Assert.Equal(expected, LanguageTags.Normalize(tag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("english")]
    [InlineData("en_US")]
    [InlineData("e")]
    [InlineData("en-")]
    [InlineData("en-US-x-private")]
    [InlineData("xq")]
    [InlineData("en-QQ")]
    public void Anything_else_is_no_tag(string? tag) => Assert.Null(LanguageTags.Normalize(tag));
}
