using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests;

/// <summary>
/// Two-factor login with codes computed here by an independent RFC 6238 implementation. The app's wall clock
/// moves between steps, so these tests share the clock collection's app.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class TwoFactorTests(AppFixture fixture) : IDisposable
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    public void Dispose() => App.Clock.Reset();

    [Fact]
    public async Task Login_needs_a_current_code_each_code_works_once_and_recovery_codes_once_each()
    {
        var owner = await Accounts.NewOwnerAsync("Two factors");
        var secret = await EnableAsync(owner.AccessToken);
        var enableStep = Step(App.Clock.GetUtcNow());

        using var firstStep = await Accounts.PostAsync("/api/auth/login", new { email = owner.Employee.Email, password = AccountsClient.Password });
        var challenge = await firstStep.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(challenge.GetProperty("twoFactorRequired").GetBoolean());
        Assert.False(challenge.TryGetProperty("accessToken", out _));
        var token = challenge.GetProperty("challengeToken").GetString();

        // The code that turned two-factor on was spent: the same step is refused (a replay), a wrong code too.
        Assert.Equal(HttpStatusCode.Unauthorized, await SecondStepAsync(token, code: Code(secret, enableStep)));
        Assert.Equal(HttpStatusCode.Unauthorized, await SecondStepAsync(token, code: Code(secret, enableStep + 7)));
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = Code(secret, Step(App.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, await SecondStepAsync(token, code: next));
        Assert.Equal(HttpStatusCode.Unauthorized, await SecondStepAsync(token, code: next));

        Assert.Equal(HttpStatusCode.Unauthorized, await SecondStepAsync("forged-or-tampered", code: next));
        Assert.Equal(HttpStatusCode.Unauthorized, await SecondStepAsync(token![..^4] + "AAAA", code: next));

        var recovery = recoveryCodes[0];
        Assert.Equal(HttpStatusCode.OK, await SecondStepAsync(token, recoveryCode: recovery.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.Unauthorized, await SecondStepAsync(token, recoveryCode: recovery));
        var status = await (await Accounts.GetAsync("/api/auth/2fa", owner.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((true, 9), (status.GetProperty("enabled").GetBoolean(), status.GetProperty("recoveryCodesLeft").GetInt32()));
    }

    [Fact]
    public async Task A_business_that_requires_two_factor_lets_an_employee_without_it_only_set_it_up()
    {
        var owner = await Accounts.NewOwnerAsync("Required");
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        using (var byAgent = await Accounts.SendAsync(HttpMethod.Patch, "/api/settings/security", new { requireTwoFactor = true }, agent.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        }

        await EnableAsync(owner.AccessToken);
        using (var required = await Accounts.SendAsync(HttpMethod.Patch, "/api/settings/security", new { requireTwoFactor = true }, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, required.StatusCode);
        }

        using var login = await Accounts.PostAsync("/api/auth/login", new { email = agent.Employee.Email, password = AccountsClient.Password });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(tokens.GetProperty("twoFactorSetupRequired").GetBoolean());
        var limited = tokens.GetProperty("accessToken").GetString()!;
        using (var refused = await Accounts.GetAsync("/api/conversations", limited))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("twoFactor", out _));
        }

        await EnableAsync(limited);
        var refreshed = (await Accounts.RefreshAsync(tokens.GetProperty("refreshToken").GetString()!))!;
        using (var allowed = await Accounts.GetAsync("/api/conversations", refreshed.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var disable = await Accounts.PostAsync("/api/auth/2fa/disable", new { password = AccountsClient.Password }, refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        using var wrongPassword = await Accounts.PostAsync("/api/auth/2fa/disable", new { password = "not it" }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
    }

    private List<string> recoveryCodes = [];

    /// <summary>Sets two-factor up as an authenticator app would: reads the secret from the otpauth URI, answers with a code.</summary>
    private async Task<byte[]> EnableAsync(string accessToken)
    {
        using var setup = await Accounts.PostAsync("/api/auth/2fa/setup", null, accessToken);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var uri = new Uri((await setup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("otpauthUri").GetString()!);
        Assert.Equal("otpauth", uri.Scheme);
        var secret = FromBase32(System.Web.HttpUtility.ParseQueryString(uri.Query)["secret"]!);

        using var wrong = await Accounts.PostAsync("/api/auth/2fa/enable", new { code = "000000" == Code(secret, Step(App.Clock.GetUtcNow())) ? "111111" : "000000" }, accessToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var enabled = await Accounts.PostAsync("/api/auth/2fa/enable", new { code = Code(secret, Step(App.Clock.GetUtcNow())) }, accessToken);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        recoveryCodes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        return secret;
    }

    private async Task<HttpStatusCode> SecondStepAsync(string? challengeToken, string? code = null, string? recoveryCode = null)
    {
        using var response = await Accounts.PostAsync("/api/auth/login/2fa", new { challengeToken, code, recoveryCode });
        return response.StatusCode;
    }

    // An independent RFC 6238 / RFC 4226 implementation: HMAC-SHA1 over the big-endian step, dynamic truncation.
    private static long Step(DateTimeOffset at) => (long)Math.Floor((at - DateTimeOffset.UnixEpoch).TotalSeconds / 30);

    private static string Code(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        using var hmac = new HMACSHA1(key);
        var hash = hmac.ComputeHash(counter);
        var offset = hash[19] & 0xf;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(char.ToUpperInvariant(c)), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
