using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class AuthTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    [Fact]
    public async Task Login_returns_a_token_carrying_employee_business_and_role()
    {
        var tenant = await App.CreateTenantAsync("Login");

        using var response = await App.CreateClient().PostAsJsonAsync(
            "/api/auth/login", new { email = tenant.OwnerEmail.ToUpperInvariant(), password = tenant.OwnerPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("accessToken").GetString()!;
        Assert.Equal("Bearer", body.RootElement.GetProperty("tokenType").GetString());
        Assert.Equal(tenant.BusinessId, body.RootElement.GetProperty("employee").GetProperty("businessId").GetGuid());

        var claims = JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1])).RootElement;
        Assert.Equal(tenant.BusinessId.ToString(), claims.GetProperty("business_id").GetString());
        Assert.Equal("owner", claims.GetProperty("role").GetString());
        Assert.True(Guid.TryParse(claims.GetProperty("sub").GetString(), out _));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401()
    {
        var tenant = await App.CreateTenantAsync("Wrong password");
        var client = App.CreateClient();

        using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = tenant.OwnerEmail, password = "nope" });
        using var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var wrongProblem = await wrong.Content.ReadFromJsonAsync<ProblemDetails>();
        var unknownProblem = await unknown.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(wrongProblem!.Title, unknownProblem!.Title);
    }

    [Fact]
    public async Task Login_without_fields_gets_400_naming_them()
    {
        using var response = await App.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("email", problem!.Errors.Keys);
        Assert.Contains("password", problem.Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiYnVzaW5lc3NfaWQiOiIxIn0.c2lnbmF0dXJl")]
    public async Task Api_without_a_valid_token_gets_401(string? token)
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        using var response = await client.GetAsync($"/api/messages?conversationId={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_employee_never_reads_another_business_conversation()
    {
        var owner = await App.CreateTenantAsync("Owner of the conversation");
        var other = await App.CreateTenantAsync("Other business");
        using var stored = await App.PostWebhookAsync(
            MetaWebhooks.TextMessages(owner.PhoneNumberId, new MetaWebhooks.TextMessage("777", "wamid.private.1", "private")),
            owner.AppSecret);
        stored.EnsureSuccessStatusCode();
        var conversationId = ConversationIds.For(owner.BusinessId, "777");

        using var client = await App.ClientOfAsync(other);
        using var response = await client.GetAsync($"/api/messages?conversationId={conversationId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
