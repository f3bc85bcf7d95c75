using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests;

/// <summary>Drives the account endpoints through HTTP as a browser or API client would.</summary>
public sealed class AccountsClient(ConversationsApp app)
{
    public const string Password = "a sturdy passphrase 42";

    public sealed record EmployeeBody(Guid Id, Guid BusinessId, string Email, string DisplayName, string Role, bool EmailVerified, string[] Permissions);

    public sealed record Tokens(
        string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, Guid SessionId, EmployeeBody Employee);

    public sealed record SignedUp(Guid BusinessId, Guid EmployeeId, string Email, bool EmailVerified);

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.test";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? accessToken = null, string? clientAddress = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (clientAddress is not null)
        {
            request.Headers.Add(TestClientAddress.Header, clientAddress);
        }

        request.Headers.UserAgent.ParseAdd("AccountsTests/1.0");
        return await app.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? accessToken = null, string? clientAddress = null) =>
        SendAsync(HttpMethod.Post, path, body, accessToken, clientAddress);

    public Task<HttpResponseMessage> GetAsync(string path, string? accessToken) => SendAsync(HttpMethod.Get, path, null, accessToken);

    public async Task<SignedUp> SignUpAsync(string? email = null, string businessName = "Signed up")
    {
        using var response = await PostAsync("/api/businesses", new
        {
            businessName,
            timeZone = "Europe/Madrid",
            ownerName = "Olga Owner",
            email = email ?? NewEmail("owner"),
            password = Password,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SignedUp>())!;
    }

    public async Task<Tokens> LoginAsync(string email, string password = Password)
    {
        using var response = await PostAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    /// <summary>A signed-up owner, logged in.</summary>
    public async Task<Tokens> NewOwnerAsync(string businessName = "Business")
    {
        var owner = await SignUpAsync(businessName: businessName);
        return await LoginAsync(owner.Email);
    }

    /// <summary>An employee of the owner's business with <paramref name="role"/>, invited and accepted.</summary>
    public async Task<Tokens> NewEmployeeAsync(Tokens owner, string role)
    {
        var email = NewEmail(role);
        using var invited = await PostAsync("/api/employees", new { email, role }, owner.AccessToken);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        using var accepted = await PostAsync("/api/auth/accept-invitation", new
        {
            token = app.Mailbox.LatestToken(email, "accept-invitation"),
            displayName = $"The {role}",
            password = Password,
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return (await accepted.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public async Task<Tokens?> RefreshAsync(string refreshToken)
    {
        using var response = await PostAsync("/api/auth/refresh", new { refreshToken });
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<Tokens>() : null;
    }

    /// <summary>The status an authenticated read gets with this access token: 200 while it counts, 401 once it does not.</summary>
    public async Task<HttpStatusCode> ProbeAsync(string accessToken)
    {
        using var response = await GetAsync("/api/auth/sessions", accessToken);
        return response.StatusCode;
    }

    public static JsonElement Claims(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }
}
