using System.Net;

namespace Conversations.WebFrontend.Tests;

/// <summary>
/// Tokens and locks expiring. These move the app's wall clock, so they have an app of their own
/// (their own collection) and never move the clock under another test.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class ExpiryTests(AppFixture fixture) : IDisposable
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    public void Dispose() => App.Clock.Reset();

    [Fact]
    public async Task Access_tokens_expire_after_15_minutes_and_a_refresh_gives_a_working_one()
    {
        var login = await Accounts.NewOwnerAsync();

        App.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(login.AccessToken));

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(login.AccessToken));
        var refreshed = await Accounts.RefreshAsync(login.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(refreshed!.AccessToken));
    }

    [Fact]
    public async Task Refresh_tokens_expire_after_30_days_unused()
    {
        var login = await Accounts.NewOwnerAsync();
        var kept = await Accounts.LoginAsync(login.Employee.Email);

        App.Clock.Advance(TimeSpan.FromDays(29));
        var renewed = await Accounts.RefreshAsync(kept.RefreshToken);
        Assert.NotNull(renewed);

        App.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await Accounts.RefreshAsync(login.RefreshToken));
        Assert.NotNull(await Accounts.RefreshAsync(renewed.RefreshToken));
    }

    [Fact]
    public async Task Reset_tokens_expire_after_an_hour()
    {
        var owner = await Accounts.SignUpAsync();
        using (await Accounts.PostAsync("/api/auth/forgot-password", new { email = owner.Email }))
        {
        }

        var token = App.Mailbox.LatestToken(owner.Email, "reset-password");
        App.Clock.Advance(TimeSpan.FromMinutes(61));

        using var reset = await Accounts.PostAsync("/api/auth/reset-password", new { token, newPassword = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        await Accounts.LoginAsync(owner.Email);
    }

    [Fact]
    public async Task Reset_tokens_work_within_their_hour()
    {
        var owner = await Accounts.SignUpAsync();
        using (await Accounts.PostAsync("/api/auth/forgot-password", new { email = owner.Email }))
        {
        }

        var token = App.Mailbox.LatestToken(owner.Email, "reset-password");
        App.Clock.Advance(TimeSpan.FromMinutes(59));

        using var reset = await Accounts.PostAsync("/api/auth/reset-password", new { token, newPassword = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
    }

    [Fact]
    public async Task Invitations_expire_after_seven_days()
    {
        var owner = await Accounts.NewOwnerAsync();
        var email = AccountsClient.NewEmail("late");
        using (await Accounts.PostAsync("/api/employees", new { email, role = "agent" }, owner.AccessToken))
        {
        }

        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var accepted = await Accounts.PostAsync("/api/auth/accept-invitation", new
        {
            token = App.Mailbox.LatestToken(email, "accept-invitation"), displayName = "Late", password = AccountsClient.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
    }

    [Fact]
    public async Task A_lockout_ends_after_15_minutes()
    {
        var owner = await Accounts.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await Accounts.PostAsync("/api/auth/login", new { email = owner.Email, password = "wrong" });
        }

        App.Clock.Advance(TimeSpan.FromMinutes(14));
        using (var stillLocked = await Accounts.PostAsync("/api/auth/login", new { email = owner.Email, password = AccountsClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stillLocked.StatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await Accounts.LoginAsync(owner.Email);
    }
}
