using System.Net;
using System.Net.Http.Json;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class SessionTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    public sealed record SessionBody(Guid Id, string UserAgent, string IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);

    [Fact]
    public async Task Sessions_lists_each_live_session_with_its_device_address_and_the_current_one()
    {
        var signedUp = await Accounts.SignUpAsync();
        using (var phone = await Accounts.PostAsync(
            "/api/auth/login", new { email = signedUp.Email, password = AccountsClient.Password }, clientAddress: "198.51.100.7"))
        {
            Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        }

        var laptop = await Accounts.LoginAsync(signedUp.Email);

        using var response = await Accounts.GetAsync("/api/auth/sessions", laptop.AccessToken);
        var sessions = (await response.Content.ReadFromJsonAsync<List<SessionBody>>())!;

        Assert.Equal(2, sessions.Count);
        Assert.Equal(laptop.SessionId, Assert.Single(sessions, s => s.Current).Id);
        Assert.Contains(sessions, s => s.IpAddress == "198.51.100.7" && !s.Current);
        Assert.All(sessions, s => Assert.Equal("AccountsTests/1.0", s.UserAgent));
    }

    [Fact]
    public async Task Revoking_a_session_stops_its_refresh_token_and_access_token_at_once()
    {
        var stolen = await Accounts.NewOwnerAsync();
        var mine = await Accounts.LoginAsync(stolen.Employee.Email);

        using var revoke = await Accounts.SendAsync(HttpMethod.Delete, $"/api/auth/sessions/{stolen.SessionId}", accessToken: mine.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(stolen.AccessToken));
        Assert.Null(await Accounts.RefreshAsync(stolen.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(mine.AccessToken));
        var left = await (await Accounts.GetAsync("/api/auth/sessions", mine.AccessToken)).Content.ReadFromJsonAsync<List<SessionBody>>();
        Assert.Equal(mine.SessionId, Assert.Single(left!).Id);
    }

    [Fact]
    public async Task Another_employees_session_cannot_be_revoked()
    {
        var victim = await Accounts.NewOwnerAsync("Victim");
        var attacker = await Accounts.NewOwnerAsync("Attacker");

        using var revoke = await Accounts.SendAsync(HttpMethod.Delete, $"/api/auth/sessions/{victim.SessionId}", accessToken: attacker.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(victim.AccessToken));
        Assert.NotNull(await Accounts.RefreshAsync(victim.RefreshToken));
    }
}
