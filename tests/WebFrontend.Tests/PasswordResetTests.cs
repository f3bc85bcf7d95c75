using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class PasswordResetTests(AppFixture fixture)
{
    private const string NewPassword = "another sturdy passphrase";

    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    [Fact]
    public async Task Forgotten_password_is_reset_by_e_mail_once_and_every_session_ends()
    {
        var before = await Accounts.NewOwnerAsync();
        var email = before.Employee.Email;

        using (var forgot = await Accounts.PostAsync("/api/auth/forgot-password", new { email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        }

        var token = App.Mailbox.LatestToken(email, "reset-password");
        using (var reset = await Accounts.PostAsync("/api/auth/reset-password", new { token, newPassword = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(before.AccessToken));
        Assert.Null(await Accounts.RefreshAsync(before.RefreshToken));
        using (var old = await Accounts.PostAsync("/api/auth/login", new { email, password = AccountsClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        await Accounts.LoginAsync(email, NewPassword);

        using var reused = await Accounts.PostAsync("/api/auth/reset-password", new { token, newPassword = "yet another passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("token", (await reused.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        await Accounts.LoginAsync(email, NewPassword);
    }

    [Fact]
    public async Task Forgot_password_answers_202_for_an_unknown_address_and_sends_nothing()
    {
        var email = AccountsClient.NewEmail("nobody");

        using var forgot = await Accounts.PostAsync("/api/auth/forgot-password", new { email });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Empty(App.Mailbox.To(email));
    }

    [Fact]
    public async Task Only_the_newest_reset_link_works()
    {
        var owner = await Accounts.SignUpAsync();
        using (await Accounts.PostAsync("/api/auth/forgot-password", new { email = owner.Email }))
        {
        }

        var first = App.Mailbox.LatestToken(owner.Email, "reset-password");
        using (await Accounts.PostAsync("/api/auth/forgot-password", new { email = owner.Email }))
        {
        }

        var second = App.Mailbox.LatestToken(owner.Email, "reset-password");

        using var old = await Accounts.PostAsync("/api/auth/reset-password", new { token = first, newPassword = NewPassword });
        using var current = await Accounts.PostAsync("/api/auth/reset-password", new { token = second, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var current = await Accounts.NewOwnerAsync();
        var other = await Accounts.LoginAsync(current.Employee.Email);

        using (var wrong = await Accounts.PostAsync(
            "/api/auth/change-password", new { currentPassword = "not the password", newPassword = NewPassword }, current.AccessToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Equal(["currentPassword"], (await wrong.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        }

        using (var weak = await Accounts.PostAsync(
            "/api/auth/change-password", new { currentPassword = AccountsClient.Password, newPassword = "1234567890" }, current.AccessToken))
        {
            Assert.Equal(["newPassword"], (await weak.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        }

        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(other.AccessToken));

        using var changed = await Accounts.PostAsync(
            "/api/auth/change-password", new { currentPassword = AccountsClient.Password, newPassword = NewPassword }, current.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Accounts.ProbeAsync(current.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.ProbeAsync(other.AccessToken));
        Assert.Null(await Accounts.RefreshAsync(other.RefreshToken));
        await Accounts.LoginAsync(current.Employee.Email, NewPassword);
    }
}
