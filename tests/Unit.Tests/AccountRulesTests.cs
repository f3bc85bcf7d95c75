using Conversations.Infrastructure.Accounts;
using Conversations.WebFrontend.Businesses;

namespace Conversations.Unit.Tests;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("short9char", null)]
    [InlineData("123456789", "at least 10")]
    [InlineData("1234567890", "too common")]
    [InlineData("PASSWORD123", "too common")]
    [InlineData("zzzzzzzzzzzzzz", "too common")]
    [InlineData("me@example.test", "e-mail address")]
    [InlineData("correct horse battery staple", null)]
    public void Password_rules(string? password, string? problem)
    {
        var result = PasswordRules.Check(password, "me@example.test");

        if (problem is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(problem, result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Passwords_longer_than_128_characters_are_refused()
    {
        Assert.Null(PasswordRules.Check(new string('x', 127) + "y", null));
        Assert.Contains("at most", PasswordRules.Check(new string('x', 128) + "y", null), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ana@example.com", true)]
    [InlineData("ana.maria+tag@sub.example.co", true)]
    [InlineData("ana@localhost", false)]
    [InlineData(" ana@example.com", false)]
    [InlineData("Ana <ana@example.com>", false)]
    [InlineData("ana@example.com, bob@example.com", false)]
    [InlineData("ana", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Email_addresses(string? email, bool valid) => Assert.Equal(valid, EmailAddresses.IsValid(email));

    [Theory]
    [InlineData("Europe/Madrid", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("UTC", true)]
    [InlineData("Romance Standard Time", false)]
    [InlineData("Europe/Atlantis", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Time_zones_must_be_iana_ids(string? id, bool valid) => Assert.Equal(valid, BusinessesApi.IsIanaTimeZone(id));

    [Fact]
    public void Secret_tokens_are_distinct_well_formed_and_hashed_to_32_bytes()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => SecretTokens.New()).ToList();

        Assert.Equal(100, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.True(SecretTokens.IsWellFormed(t)));
        Assert.All(tokens, t => Assert.Equal(32, SecretTokens.Hash(t).Length));
        Assert.False(SecretTokens.IsWellFormed(tokens[0][..^1]));
        Assert.False(SecretTokens.IsWellFormed(tokens[0][..^1] + "="));
        Assert.False(SecretTokens.IsWellFormed(null));
    }

    [Fact]
    public void Login_throttle_keys_ignore_case_and_surrounding_spaces()
    {
        Assert.Equal(LoginThrottle.AccountKey("Ana@Example.com "), LoginThrottle.AccountKey("ana@example.com"));
        Assert.NotEqual(LoginThrottle.AccountKey("ana@example.com"), LoginThrottle.AccountKey("bob@example.com"));
    }
}
