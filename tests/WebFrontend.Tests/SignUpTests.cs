using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class SignUpTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    [Fact]
    public async Task Sign_up_creates_the_business_its_owner_and_default_services_and_the_owner_verifies_by_e_mail()
    {
        var signedUp = await Accounts.SignUpAsync(businessName: "Fresh Tarot");

        Assert.False(signedUp.EmailVerified);
        Assert.Equal("Fresh Tarot", await fixture.Database.ScalarAsync<string>("SELECT name FROM businesses WHERE id = @b", ("b", signedUp.BusinessId)));
        Assert.Equal("Europe/Madrid", await fixture.Database.ScalarAsync<string>("SELECT time_zone FROM businesses WHERE id = @b", ("b", signedUp.BusinessId)));
        Assert.Equal("owner", await fixture.Database.ScalarAsync<string>("SELECT role FROM employees WHERE id = @e", ("e", signedUp.EmployeeId)));
        Assert.True(await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM services WHERE business_id = @b", ("b", signedUp.BusinessId)) >= 1);

        // Unverified owners may log in, and are told they are unverified.
        var before = await Accounts.LoginAsync(signedUp.Email);
        Assert.False(before.Employee.EmailVerified);
        Assert.Equal(signedUp.BusinessId, before.Employee.BusinessId);

        var token = App.Mailbox.LatestToken(signedUp.Email, "verify-email");
        using (var verified = await Accounts.PostAsync("/api/auth/verify-email", new { token }))
        {
            Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        }

        Assert.True((await Accounts.LoginAsync(signedUp.Email)).Employee.EmailVerified);

        using var again = await Accounts.PostAsync("/api/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("token", (await again.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task Verification_e_mail_can_be_sent_again_and_only_the_newest_link_works()
    {
        var signedUp = await Accounts.SignUpAsync();
        var first = App.Mailbox.LatestToken(signedUp.Email, "verify-email");
        var tokens = await Accounts.LoginAsync(signedUp.Email);

        using (var resent = await Accounts.PostAsync("/api/auth/resend-verification", accessToken: tokens.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        }

        var second = App.Mailbox.LatestToken(signedUp.Email, "verify-email");
        Assert.NotEqual(first, second);
        using var old = await Accounts.PostAsync("/api/auth/verify-email", new { token = first });
        using var current = await Accounts.PostAsync("/api/auth/verify-email", new { token = second });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Sign_up_with_a_registered_e_mail_gets_409_naming_the_field()
    {
        var first = await Accounts.SignUpAsync();

        using var response = await Accounts.PostAsync("/api/businesses", new
        {
            businessName = "Copycat", timeZone = "UTC", ownerName = "Someone", email = first.Email.ToUpperInvariant(), password = AccountsClient.Password,
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"email\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM businesses WHERE name = 'Copycat'"));
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons")]
    [InlineData("timeZone", "Romance Standard Time")]
    [InlineData("password", "short")]
    [InlineData("password", "password123")]
    [InlineData("password", "aaaaaaaaaaaaaaa")]
    [InlineData("email", "not-an-address")]
    [InlineData("email", "Someone <someone@example.test>")]
    [InlineData("businessName", "")]
    [InlineData("ownerName", " ")]
    public async Task Sign_up_with_an_invalid_field_gets_400_naming_it(string field, string value)
    {
        var body = new Dictionary<string, string>
        {
            ["businessName"] = "Valid", ["timeZone"] = "America/New_York", ["ownerName"] = "Valid Name",
            ["email"] = AccountsClient.NewEmail("invalid"), ["password"] = AccountsClient.Password,
        };
        body[field] = value;

        using var response = await Accounts.PostAsync("/api/businesses", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
    }

    [Fact]
    public async Task Sign_ups_from_one_address_are_rate_limited_with_429_problem_details()
    {
        const string address = "192.0.2.10";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // Invalid bodies are cheap and still count: the limiter runs before validation.
            using var attempt = await Accounts.PostAsync("/api/businesses", new { businessName = "x" }, clientAddress: address);
            statuses.Add(attempt.StatusCode);
        }

        using var elsewhere = await Accounts.PostAsync("/api/businesses", new { businessName = "x" }, clientAddress: "192.0.2.11");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);

        using var limited = await Accounts.PostAsync("/api/businesses", new { businessName = "x" }, clientAddress: address);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(429, (await limited.Content.ReadFromJsonAsync<ProblemDetails>())!.Status);
    }
}
