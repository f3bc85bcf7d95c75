using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Conversations.WebFrontend.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class RefreshTokenTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    [Fact]
    public async Task Login_gives_a_short_lived_access_token_with_a_session_id_and_a_refresh_token_in_body_and_strict_cookie()
    {
        var owner = await Accounts.SignUpAsync();

        using var response = await Accounts.PostAsync("/api/auth/login", new { email = owner.Email, password = AccountsClient.Password });
        var tokens = (await response.Content.ReadFromJsonAsync<AccountsClient.Tokens>())!;

        var claims = AccountsClient.Claims(tokens.AccessToken);
        Assert.Equal(tokens.SessionId.ToString(), claims.GetProperty("sid").GetString());
        var lifetime = claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64();
        Assert.Equal(15 * 60, lifetime);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{RefreshCookie.Name}={tokens.RefreshToken};", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/api/auth", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // Only its SHA-256 is stored.
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", ("t", tokens.RefreshToken)));
    }

    [Fact]
    public async Task Refresh_rotates_and_reusing_a_spent_token_revokes_the_whole_family()
    {
        var login = await Accounts.NewOwnerAsync();

        var second = await Accounts.RefreshAsync(login.RefreshToken);
        Assert.NotNull(second);
        Assert.NotEqual(login.RefreshToken, second.RefreshToken);
        Assert.Equal(login.SessionId, second.SessionId);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(second.AccessToken));

        var third = await Accounts.RefreshAsync(second.RefreshToken);
        Assert.NotNull(third);

        // The first token comes back: someone kept a copy. Everything in its family dies at once.
        Assert.Null(await Accounts.RefreshAsync(login.RefreshToken));
        Assert.Null(await Accounts.RefreshAsync(third.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(third.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(login.AccessToken));
    }

    [Fact]
    public async Task Refresh_reads_the_cookie_when_the_body_has_no_token()
    {
        var login = await Accounts.NewOwnerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Add("Cookie", $"{RefreshCookie.Name}={login.RefreshToken}");

        using var response = await App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(RefreshCookie.Name + "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_or_malformed_refresh_tokens_get_401(string token)
    {
        using var response = await Accounts.PostAsync("/api/auth/refresh", new { refreshToken = token });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tampered_forged_and_claimless_access_tokens_get_401()
    {
        var login = await Accounts.NewOwnerAsync();
        var parts = login.AccessToken.Split('.');
        var claims = AccountsClient.Claims(login.AccessToken);
        var altered = System.Text.Json.JsonSerializer.Serialize(new
        {
            sub = claims.GetProperty("sub").GetString(),
            business_id = Guid.NewGuid().ToString(),
            role = "owner",
            sid = claims.GetProperty("sid").GetString(),
            iss = "conversations",
            aud = "conversations",
            exp = claims.GetProperty("exp").GetInt64(),
        });
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(altered)}.{parts[2]}";

        var forged = Sign(new SymmetricSecurityKey(new byte[64]), claims.GetProperty("sub").GetString()!, claims.GetProperty("sid").GetString());
        var realKey = App.Service<TokenSigningKey>().Key;
        var withoutSession = Sign(realKey, claims.GetProperty("sub").GetString()!, sid: null);
        var unknownSession = Sign(realKey, claims.GetProperty("sub").GetString()!, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(login.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(Sign(realKey, claims.GetProperty("sub").GetString()!, claims.GetProperty("sid").GetString())));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(withoutSession));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(unknownSession));

        string Sign(SecurityKey key, string sub, string? sid)
        {
            var subject = new ClaimsIdentity([
                new Claim("sub", sub), new Claim("business_id", login.Employee.BusinessId.ToString()), new Claim("role", "owner")]);
            if (sid is not null)
            {
                subject.AddClaim(new Claim("sid", sid));
            }

            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "conversations",
                Audience = "conversations",
                Expires = DateTime.UtcNow.AddMinutes(5),
                Subject = subject,
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            });
        }
    }

    [Fact]
    public async Task Logout_ends_the_current_session_at_once_and_leaves_the_others()
    {
        var first = await Accounts.NewOwnerAsync();
        var second = await Accounts.LoginAsync(first.Employee.Email);

        using var logout = await Accounts.PostAsync("/api/auth/logout", accessToken: first.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(logout.Headers.GetValues("Set-Cookie"), c => c.StartsWith(RefreshCookie.Name + "=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(first.AccessToken));
        Assert.Null(await Accounts.RefreshAsync(first.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(second.AccessToken));
        Assert.NotNull(await Accounts.RefreshAsync(second.RefreshToken));
    }

    [Fact]
    public async Task Logout_all_ends_every_session_of_the_employee()
    {
        var first = await Accounts.NewOwnerAsync();
        var second = await Accounts.LoginAsync(first.Employee.Email);

        using var logout = await Accounts.PostAsync("/api/auth/logout-all", accessToken: second.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(first.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(second.AccessToken));
        Assert.Null(await Accounts.RefreshAsync(first.RefreshToken));
        Assert.Null(await Accounts.RefreshAsync(second.RefreshToken));
    }
}
