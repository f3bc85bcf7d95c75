using System.Net;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class LockoutTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    [Fact]
    public async Task Five_failures_lock_the_account_and_locked_wrong_and_unknown_answers_are_identical()
    {
        var owner = await Accounts.SignUpAsync();
        var unknown = AccountsClient.NewEmail("ghost");

        var failures = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await AnswerAsync(owner.Email, "wrong password " + i));
        }

        var locked = await AnswerAsync(owner.Email, AccountsClient.Password);
        var unknownAnswer = await AnswerAsync(unknown, AccountsClient.Password);

        Assert.All(failures, f => Assert.Equal(failures[0], f));
        Assert.Equal(failures[0], locked);
        Assert.Equal(failures[0], unknownAnswer);
        Assert.StartsWith("401 ", locked, StringComparison.Ordinal);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM login_failures WHERE locked_until IS NOT NULL AND account_key = sha256(convert_to(lower(@e), 'UTF8'))", ("e", owner.Email)));
    }

    [Fact]
    public async Task Unknown_addresses_are_locked_like_real_ones()
    {
        var unknown = AccountsClient.NewEmail("ghost");

        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(unknown, "guess " + i);
        }

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM login_failures WHERE locked_until IS NOT NULL AND account_key = sha256(convert_to(lower(@e), 'UTF8'))", ("e", unknown)));
    }

    [Fact]
    public async Task Failures_below_the_threshold_are_forgotten_after_a_success()
    {
        var owner = await Accounts.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(owner.Email, "wrong");
        }

        await Accounts.LoginAsync(owner.Email);
        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(owner.Email, "wrong");
        }

        await Accounts.LoginAsync(owner.Email);
    }

    [Fact]
    public async Task Logins_from_one_address_are_rate_limited()
    {
        const string address = "203.0.113.99";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var attempt = await Accounts.PostAsync("/api/auth/login", new { email = "" }, clientAddress: address);
            statuses.Add(attempt.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 30).Append(HttpStatusCode.TooManyRequests), statuses);
    }

    /// <summary>Status, content type and body (less the per-request trace id), as an attacker would compare them.</summary>
    private async Task<string> AnswerAsync(string email, string password)
    {
        using var response = await Accounts.PostAsync("/api/auth/login", new { email, password });
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.Content.ReadAsStringAsync())!;
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {JsonSerializer.Serialize(body)}";
    }
}
