using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Analytics;

[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsApiTests(AnalyticsFixture fixture)
{
    private static readonly string[] Reports = ["/api/analytics/conversations", "/api/analytics/revenue", "/api/analytics/performance"];

    [Fact]
    public async Task Owners_and_admins_see_the_figures_and_agents_are_refused()
    {
        var accounts = new AccountsClient(fixture.App);
        var ownerTokens = await accounts.NewOwnerAsync();
        using var admin = fixture.ClientWith((await accounts.NewEmployeeAsync(ownerTokens, "admin")).AccessToken);
        using var agent = fixture.ClientWith((await accounts.NewEmployeeAsync(ownerTokens, "agent")).AccessToken);
        using var anonymous = fixture.App.CreateClient();

        foreach (var path in Reports.Append("/api/analytics/exports"))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/analytics/export", new { report = "performance" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/analytics/export", new { report = "performance" })).StatusCode);
    }

    [Fact]
    public async Task Without_a_range_a_report_covers_the_last_30_local_days()
    {
        var (_, owner) = await fixture.NewTenantAsync("Default range", "Pacific/Kiritimati");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fixture.App.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati")).DateTime);

        var report = await owner.GetFromJsonAsync<JsonElement>("/api/analytics/conversations");
        var onlyTo = await owner.GetFromJsonAsync<JsonElement>("/api/analytics/revenue?to=2026-03-31");

        Assert.Equal(today.AddDays(-29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report.GetProperty("from").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), report.GetProperty("to").GetString());
        Assert.Equal(30, report.GetProperty("days").GetArrayLength());
        Assert.Equal("2026-03-02", onlyTo.GetProperty("from").GetString());
        Assert.Equal(30, onlyTo.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_range_that_is_not_dates_runs_backwards_or_spans_more_than_a_year_is_a_problem_naming_the_field()
    {
        var (_, owner) = await fixture.NewTenantAsync("Ranges");

        foreach (var path in Reports)
        {
            await (await owner.GetAsync($"{path}?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
            await (await owner.GetAsync($"{path}?from=2026-01-10&to=2026-13-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
            await (await owner.GetAsync($"{path}?from=2026-01-10&to=2026-01-09")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
            await (await owner.GetAsync($"{path}?from=2025-01-01&to=2026-01-02")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
            await (await owner.GetAsync($"{path}?from=2000-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
            await (await owner.GetAsync($"{path}?from=8999-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
        }

        // A leap year's 366 days are one report.
        Assert.Equal(366, (await owner.GetFromJsonAsync<JsonElement>("/api/analytics/conversations?from=2024-01-01&to=2024-12-31")).GetProperty("days").GetArrayLength());

        await (await owner.PostAsJsonAsync("/api/analytics/export", new { report = "everything", from = "2026-01-01", to = "2026-01-31" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "report");
        await (await owner.PostAsJsonAsync("/api/analytics/export", new { report = "revenue", from = "2026-02-01", to = "2026-01-31" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "to");
        await (await owner.GetAsync("/api/analytics/exports?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        Assert.Empty(await owner.GetFromJsonAsync<JsonElement[]>("/api/analytics/exports") ?? []);
    }

    [Fact]
    public async Task A_conversation_handled_through_the_API_is_measured_from_the_status_history_the_database_keeps()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Live");
        var customer = $"3471{Random.Shared.Next(1_000_000, 9_999_999)}";
        var conversation = ConversationIds.For(tenant.BusinessId, customer);

        await fixture.App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Hola, necesito ayuda");
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/api/conversations/{conversation}/takeover", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/messages", new { conversationId = conversation, text = "Hola, soy Olga" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync($"/api/conversations/{conversation}/status", new { status = "resolved" })).StatusCode);
        var again = DateTimeOffset.UtcNow.AddSeconds(1);
        await fixture.App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "Una cosa más", again);
        await Eventually.GetAsync(
            () => owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}"),
            c => c.GetProperty("status").GetString() == "open", what: "the conversation to reopen");

        // The trigger kept both changes, with what the conversation looked like at each.
        var resolvedAfter = await fixture.ScalarAsync<long>(
            "SELECT last_sequence FROM conversation_status_changes WHERE conversation_id = @c AND to_status = 'resolved'", ("c", conversation));
        var reopenedBy = await fixture.ScalarAsync<DateTime>(
            "SELECT last_customer_message_at FROM conversation_status_changes WHERE conversation_id = @c AND from_status = 'resolved' AND to_status = 'open'",
            ("c", conversation));
        Assert.Equal(2, resolvedAfter); // the customer's message and Olga's reply
        Assert.Equal(again.ToUnixTimeSeconds(), new DateTimeOffset(reopenedBy, TimeSpan.Zero).ToUnixTimeSeconds());

        var total = (await owner.GetFromJsonAsync<JsonElement>("/api/analytics/conversations")).GetProperty("total");
        Assert.Equal(1, total.GetProperty("started").GetInt64());
        Assert.Equal(1, total.GetProperty("reopened").GetInt64());
        Assert.Equal(2, total.GetProperty("withHuman").GetInt64()); // the reopening came back to the person holding it
        Assert.Equal(2, total.GetProperty("customerMessages").GetInt64());
        Assert.Equal(1, total.GetProperty("customerMessagesToHumans").GetInt64());
        Assert.Equal(1, total.GetProperty("takeovers").GetInt64());
        Assert.Equal(1, total.GetProperty("resolved").GetInt64());
        Assert.Equal(0, total.GetProperty("resolvedByAssistant").GetInt64());
        Assert.Equal(1, total.GetProperty("humanFirstResponse").GetProperty("count").GetInt64());
        Assert.True(total.GetProperty("resolution").GetProperty("p50Seconds").GetDouble() >= 0);

        var olga = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/analytics/performance")).GetProperty("employees").EnumerateArray());
        Assert.Equal(1, olga.GetProperty("conversationsHandled").GetInt64());
        Assert.Equal(1, olga.GetProperty("messagesSent").GetInt64());
        Assert.Equal(1, olga.GetProperty("takeovers").GetInt64());
        Assert.Equal(1, olga.GetProperty("firstResponse").GetProperty("count").GetInt64());
        Assert.Equal(1, olga.GetProperty("resolved").GetInt64());
    }
}
