using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Analytics;

/// <summary>
/// Every figure of the three reports against a small history computed by hand, in Europe/Madrid (UTC+1 in
/// January), for the local days 10 and 11 January 2026. Instants below are UTC; the local time is in comments.
/// A message at 00:30 local on the 11th is 23:30 UTC on the 10th: counting by UTC day would move it, and the
/// conversations opened late at night, to the wrong day.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsFiguresTests(AnalyticsFixture fixture)
{
    private const string Range = "from=2026-01-10&to=2026-01-11";

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Seeded(TestTenant Tenant, HttpClient Owner, Guid OwnerId, Guid One, Guid Two, Guid Reading, Guid Tarot);

    /// <summary>The hand-computed history; every test gets its own business with it, plus a neighbour's noise.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Figures", "Europe/Madrid");
        var history = new HistoryWriter(fixture, tenant.BusinessId);
        var ownerId = await fixture.ScalarAsync<Guid>("SELECT id FROM employees WHERE business_id = @b AND role = 'owner'", ("b", tenant.BusinessId));
        var one = await history.EmployeeAsync("Agent One");
        var two = await history.EmployeeAsync("Agent Two");
        await history.EmployeeAsync("Gone Agent", status: "deactivated");

        // A: the assistant answers after 10 s; resolved 20 min after the first message (10:00–10:20 local). Next day the
        // customer writes again (10:00 local), which reopens it; the assistant answers after 40 s; resolved 10 min later.
        var a = await history.ConversationAsync("34611000001", Utc("2026-01-10T09:00:00"));
        await history.MessageAsync(a, 1, "customer", Utc("2026-01-10T09:00:00"));
        await history.MessageAsync(a, 2, "assistant", Utc("2026-01-10T09:00:10"));
        await history.MessageAsync(a, 3, "customer", Utc("2026-01-10T09:01:00"));
        await history.MessageAsync(a, 4, "assistant", Utc("2026-01-10T09:01:05"));
        await history.StatusAsync(a, "open", "resolved", Utc("2026-01-10T09:20:00"), 4, Utc("2026-01-10T09:01:00"));
        await history.MessageAsync(a, 5, "customer", Utc("2026-01-11T09:00:00"));
        await history.StatusAsync(a, "resolved", "open", Utc("2026-01-11T09:00:01"), 5, Utc("2026-01-11T09:00:00"));
        await history.MessageAsync(a, 6, "assistant", Utc("2026-01-11T09:00:40"));
        await history.StatusAsync(a, "open", "resolved", Utc("2026-01-11T09:10:00"), 6, Utc("2026-01-11T09:00:00"));

        // B: the assistant answers after 30 s, Agent One takes over and answers 2 min after the first message; resolved
        // while assigned to Agent One, 30 min after the first message (13:00–13:30 local).
        var b = await history.ConversationAsync("34611000002", Utc("2026-01-10T12:00:00"));
        await history.MessageAsync(b, 1, "customer", Utc("2026-01-10T12:00:00"));
        await history.MessageAsync(b, 2, "assistant", Utc("2026-01-10T12:00:30"));
        await history.HandOverAsync(b, "takeover", one, "human", Utc("2026-01-10T12:01:00"));
        await history.MessageAsync(b, 3, "employee", Utc("2026-01-10T12:02:00"), one);
        await history.MessageAsync(b, 4, "customer", Utc("2026-01-10T12:03:00"));
        await history.MessageAsync(b, 5, "employee", Utc("2026-01-10T12:03:30"), one);
        await history.StatusAsync(b, "open", "resolved", Utc("2026-01-10T12:30:00"), 5, Utc("2026-01-10T12:03:00"), one, "human");

        // C, at 23:30 local on the 10th: the assistant answers after 20 s and hands off at 23:31; Agent Two gets it and
        // answers at 00:35 local on the 11th (65 min); the customer writes again at 00:40 (to a person). Still open.
        var c = await history.ConversationAsync("34611000003", Utc("2026-01-10T22:30:00"));
        await history.MessageAsync(c, 1, "customer", Utc("2026-01-10T22:30:00"));
        await history.MessageAsync(c, 2, "assistant", Utc("2026-01-10T22:30:20"));
        await history.HandOverAsync(c, "handoff", null, "human", Utc("2026-01-10T22:31:00"));
        await history.HandOverAsync(c, "auto_assign", two, "human", Utc("2026-01-10T22:31:05"));
        await history.MessageAsync(c, 3, "employee", Utc("2026-01-10T23:35:00"), two);
        await history.MessageAsync(c, 4, "customer", Utc("2026-01-10T23:40:00"));

        // D, at 00:30 local on the 11th (still the 10th in UTC): answered after 15 s, resolved after 15 min.
        var d = await history.ConversationAsync("34611000004", Utc("2026-01-10T23:30:00"));
        await history.MessageAsync(d, 1, "customer", Utc("2026-01-10T23:30:00"));
        await history.MessageAsync(d, 2, "assistant", Utc("2026-01-10T23:30:15"));
        await history.StatusAsync(d, "open", "resolved", Utc("2026-01-10T23:45:00"), 2, Utc("2026-01-10T23:30:00"));

        // Outside the range. F at 00:20 local on the 12th (the 11th in UTC), with a handoff at 00:21.
        var f = await history.ConversationAsync("34611000006", Utc("2026-01-11T23:20:00"));
        await history.MessageAsync(f, 1, "customer", Utc("2026-01-11T23:20:00"));
        await history.MessageAsync(f, 2, "assistant", Utc("2026-01-11T23:20:05"));
        await history.HandOverAsync(f, "handoff", null, "human", Utc("2026-01-11T23:21:00"));

        // G at 23:50 local on the 9th: opened before the range, so its resolution on the 10th is not the 10th's; Agent
        // One's reply in it is before the range too.
        var g = await history.ConversationAsync("34611000007", Utc("2026-01-09T22:50:00"));
        await history.MessageAsync(g, 1, "customer", Utc("2026-01-09T22:50:00"));
        await history.MessageAsync(g, 2, "assistant", Utc("2026-01-09T22:50:05"));
        await history.MessageAsync(g, 3, "employee", Utc("2026-01-09T22:55:00"), one);
        await history.StatusAsync(g, "open", "resolved", Utc("2026-01-10T08:00:00"), 3, Utc("2026-01-09T22:50:00"));

        // Bookings: Reading (30.00 EUR, made at sign-up) and Tarot (45.00 EUR).
        var reading = await fixture.ScalarAsync<Guid>("SELECT id FROM services WHERE business_id = @b AND name = 'Reading'", ("b", tenant.BusinessId));
        var tarot = await history.ServiceAsync("Tarot", 4500);
        var ana = await history.CustomerAsync("Ana");
        // Made 11:00 local on the 10th, paid at 00:30 local on the 11th.
        await history.BookingAsync(reading, ana, Utc("2026-01-10T10:00:00"), "confirmed", Utc("2026-01-10T23:30:00"), Utc("2026-02-01T10:00:00"));
        // Made 23:45 local on the 10th, not paid.
        await history.BookingAsync(tarot, ana, Utc("2026-01-10T22:45:00"), "pending", null, Utc("2026-02-01T11:00:00"));
        // Cancelled: not booked revenue.
        await history.BookingAsync(tarot, ana, Utc("2026-01-11T08:00:00"), "cancelled", null, Utc("2026-02-01T12:00:00"));
        // Made 00:15 local on the 12th: outside.
        await history.BookingAsync(reading, ana, Utc("2026-01-11T23:15:00"), "confirmed", null, Utc("2026-02-01T13:00:00"));
        // Made 00:30 local on the 10th (the 9th in UTC), paid 10:00 local on the 10th.
        await history.BookingAsync(tarot, ana, Utc("2026-01-09T23:30:00"), "confirmed", Utc("2026-01-10T09:00:00"), Utc("2026-02-01T14:00:00"));
        // Made before the range, paid 13:00 local on the 11th.
        await history.BookingAsync(reading, ana, Utc("2026-01-05T10:00:00"), "completed", Utc("2026-01-11T12:00:00"), Utc("2026-02-01T15:00:00"));

        await SeedNeighbourAsync();
        return new Seeded(tenant, owner, ownerId, one, two, reading, tarot);
    }

    /// <summary>Another business with the same kind of history on the same days: none of it may count.</summary>
    private async Task SeedNeighbourAsync()
    {
        var (neighbour, _) = await fixture.NewTenantAsync("Neighbour", "Europe/Madrid");
        var history = new HistoryWriter(fixture, neighbour.BusinessId);
        var agent = await history.EmployeeAsync("Agent One");
        var x = await history.ConversationAsync("34611000001", Utc("2026-01-10T09:30:00"));
        await history.MessageAsync(x, 1, "customer", Utc("2026-01-10T09:30:00"));
        await history.MessageAsync(x, 2, "assistant", Utc("2026-01-10T09:30:01"));
        await history.HandOverAsync(x, "takeover", agent, "human", Utc("2026-01-10T09:31:00"));
        await history.MessageAsync(x, 3, "employee", Utc("2026-01-10T09:32:00"), agent);
        await history.StatusAsync(x, "open", "resolved", Utc("2026-01-10T09:40:00"), 3, Utc("2026-01-10T09:30:00"), agent, "human");
        var service = await history.ServiceAsync("Tarot", 9900);
        await history.BookingAsync(service, await history.CustomerAsync("Eve"), Utc("2026-01-10T10:00:00"), "confirmed", Utc("2026-01-10T11:00:00"), Utc("2026-02-01T10:00:00"));
    }

    [Fact]
    public async Task Conversation_figures_per_local_day_match_the_hand_computed_history()
    {
        var seeded = await SeedAsync();

        using var response = await seeded.Owner.GetAsync($"/api/analytics/conversations?{Range}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.BodyAsync();
        Assert.Equal("2026-01-10", report.GetProperty("from").GetString());
        Assert.Equal("2026-01-11", report.GetProperty("to").GetString());
        Assert.Equal("Europe/Madrid", report.GetProperty("timeZone").GetString());
        var days = report.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-01-10", "2026-01-11"], days.Select(d => d.GetProperty("day").GetString()));

        // The 10th: A, B and C opened (D opened at 00:30 on the 11th, G on the 9th).
        var tenth = days[0];
        AssertCounts(tenth, started: 3, reopened: 0, assistantOnly: 1, withHuman: 2, customerMessages: 5, toAssistant: 4, toHumans: 1,
            resolved: 2, resolvedByAssistant: 1, handoffs: 1, takeovers: 1);
        AssertTimes(tenth.GetProperty("assistantFirstResponse"), 3, 20, 28); // 10, 20, 30 s
        AssertTimes(tenth.GetProperty("humanFirstResponse"), 2, 2010, 3522); // 120, 3900 s
        AssertTimes(tenth.GetProperty("resolution"), 2, 1500, 1740); // 1200, 1800 s
        Assert.Equal(1.0 / 3, tenth.GetProperty("assistantResolutionShare").GetDouble(), 9);

        // The 11th: D opened and A reopened, both handled by the assistant alone; C's customer wrote to Agent Two.
        var eleventh = days[1];
        AssertCounts(eleventh, started: 1, reopened: 1, assistantOnly: 2, withHuman: 0, customerMessages: 3, toAssistant: 2, toHumans: 1,
            resolved: 2, resolvedByAssistant: 2, handoffs: 0, takeovers: 0);
        AssertTimes(eleventh.GetProperty("assistantFirstResponse"), 2, 27.5, 37.5); // 15, 40 s
        AssertTimes(eleventh.GetProperty("humanFirstResponse"), 0, null, null);
        AssertTimes(eleventh.GetProperty("resolution"), 2, 750, 870); // 900, 600 s
        Assert.Equal(1.0, eleventh.GetProperty("assistantResolutionShare").GetDouble());

        // The range: percentiles over all five cycles, not averages of the days'.
        var total = report.GetProperty("total");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("day").ValueKind);
        AssertCounts(total, started: 4, reopened: 1, assistantOnly: 3, withHuman: 2, customerMessages: 8, toAssistant: 6, toHumans: 2,
            resolved: 4, resolvedByAssistant: 3, handoffs: 1, takeovers: 1);
        AssertTimes(total.GetProperty("assistantFirstResponse"), 5, 20, 36); // 10, 15, 20, 30, 40 s
        AssertTimes(total.GetProperty("humanFirstResponse"), 2, 2010, 3522);
        AssertTimes(total.GetProperty("resolution"), 4, 1050, 1620); // 600, 900, 1200, 1800 s
        Assert.Equal(0.6, total.GetProperty("assistantResolutionShare").GetDouble(), 9);
    }

    [Fact]
    public async Task A_day_is_the_business_s_local_day_at_both_ends_of_the_range()
    {
        var seeded = await SeedAsync();

        var tenth = await (await seeded.Owner.GetAsync("/api/analytics/conversations?from=2026-01-10&to=2026-01-10")).BodyAsync();
        var eleventh = await (await seeded.Owner.GetAsync("/api/analytics/conversations?from=2026-01-11&to=2026-01-11")).BodyAsync();

        // 23:30 local (22:30 UTC) is the 10th's; 00:30 local on the 11th (23:30 UTC on the 10th) is the 11th's.
        Assert.Equal(3, tenth.GetProperty("total").GetProperty("started").GetInt64());
        Assert.Equal(5, tenth.GetProperty("total").GetProperty("customerMessages").GetInt64());
        Assert.Equal(1, eleventh.GetProperty("total").GetProperty("started").GetInt64());
        Assert.Equal(3, eleventh.GetProperty("total").GetProperty("customerMessages").GetInt64());
        Assert.Equal(0, eleventh.GetProperty("total").GetProperty("handoffs").GetInt64());
    }

    [Fact]
    public async Task Performance_per_employee_matches_the_hand_computed_history()
    {
        var seeded = await SeedAsync();

        using var response = await seeded.Owner.GetAsync($"/api/analytics/performance?{Range}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var employees = (await response.BodyAsync()).GetProperty("employees").EnumerateArray().ToList();
        // Active employees by name; the deactivated agent did nothing in the range and is left out.
        Assert.Equal(["Agent One", "Agent Two", "Owner"], employees.Select(e => e.GetProperty("name").GetString()));

        var one = employees[0];
        Assert.Equal(seeded.One, one.GetProperty("employeeId").GetGuid());
        Assert.Equal("agent", one.GetProperty("role").GetString());
        Assert.Equal(1, one.GetProperty("conversationsHandled").GetInt64());
        Assert.Equal(2, one.GetProperty("messagesSent").GetInt64()); // not the one in G, on the 9th
        Assert.Equal(1, one.GetProperty("takeovers").GetInt64());
        AssertTimes(one.GetProperty("firstResponse"), 1, 120, 120);
        Assert.Equal(1, one.GetProperty("resolved").GetInt64());
        AssertTimes(one.GetProperty("resolution"), 1, 1800, 1800);

        var two = employees[1];
        Assert.Equal(seeded.Two, two.GetProperty("employeeId").GetGuid());
        Assert.Equal(1, two.GetProperty("conversationsHandled").GetInt64());
        Assert.Equal(1, two.GetProperty("messagesSent").GetInt64()); // 00:35 local on the 11th
        Assert.Equal(0, two.GetProperty("takeovers").GetInt64());
        AssertTimes(two.GetProperty("firstResponse"), 1, 3900, 3900);
        Assert.Equal(0, two.GetProperty("resolved").GetInt64());
        AssertTimes(two.GetProperty("resolution"), 0, null, null);

        var owner = employees[2];
        Assert.Equal(seeded.OwnerId, owner.GetProperty("employeeId").GetGuid());
        Assert.Equal("owner", owner.GetProperty("role").GetString());
        Assert.Equal(0, owner.GetProperty("conversationsHandled").GetInt64());
        Assert.Equal(0, owner.GetProperty("messagesSent").GetInt64());
        AssertTimes(owner.GetProperty("firstResponse"), 0, null, null);
    }

    [Fact]
    public async Task Revenue_per_local_day_and_service_matches_the_hand_computed_bookings()
    {
        var seeded = await SeedAsync();

        using var response = await seeded.Owner.GetAsync($"/api/analytics/revenue?{Range}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.BodyAsync();
        var days = report.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-01-10", "2026-01-11"], days.Select(d => d.GetProperty("day").GetString()));

        // The 10th: Reading booked once; Tarot booked twice (one at 00:30 local, the 9th in UTC), one of them paid.
        var tenth = days[0].GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(2, tenth.Count);
        AssertLine(tenth[0], seeded.Reading, "Reading", bookings: 1, booked: 3000, paidBookings: 0, paid: 0);
        AssertLine(tenth[1], seeded.Tarot, "Tarot", bookings: 2, booked: 9000, paidBookings: 1, paid: 4500);
        AssertTotal(Assert.Single(days[0].GetProperty("totals").EnumerateArray()), bookings: 3, booked: 12000, paidBookings: 1, paid: 4500);

        // The 11th: two Readings paid (one booked on the 10th and paid at 00:30 local, one booked on the 5th); the
        // cancelled Tarot is not revenue, the Reading made at 00:15 on the 12th is not the 11th's.
        var eleventh = Assert.Single(days[1].GetProperty("services").EnumerateArray());
        AssertLine(eleventh, seeded.Reading, "Reading", bookings: 0, booked: 0, paidBookings: 2, paid: 6000);
        AssertTotal(Assert.Single(days[1].GetProperty("totals").EnumerateArray()), bookings: 0, booked: 0, paidBookings: 2, paid: 6000);

        var services = report.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(2, services.Count);
        AssertLine(services[0], seeded.Reading, "Reading", bookings: 1, booked: 3000, paidBookings: 2, paid: 6000);
        AssertLine(services[1], seeded.Tarot, "Tarot", bookings: 2, booked: 9000, paidBookings: 1, paid: 4500);
        Assert.Equal(JsonValueKind.Null, services[0].GetProperty("day").ValueKind);
        AssertTotal(Assert.Single(report.GetProperty("totals").EnumerateArray()), bookings: 3, booked: 12000, paidBookings: 3, paid: 10500);
    }

    [Fact]
    public async Task Export_is_the_report_as_CSV_and_records_who_exported_what()
    {
        var seeded = await SeedAsync();

        using var response = await seeded.Owner.PostAsJsonAsync("/api/analytics/export", new { report = "conversations", from = "2026-01-10", to = "2026-01-11" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("conversations-2026-01-10-to-2026-01-11.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("day,conversations_started,reopened,assistant_only,with_human,customer_messages,", lines[0]);
        Assert.Equal("2026-01-10,3,0,1,2,5,4,1,3,20,28,2,2010,3522,2,1,0.3333,1500,1740,1,1", lines[1]);
        Assert.Equal("2026-01-11,1,1,2,0,3,2,1,2,27.5,37.5,0,,,2,2,1,750,870,0,0", lines[2]);
        Assert.Equal("total,4,1,3,2,8,6,2,5,20,36,2,2010,3522,4,3,0.6,1050,1620,1,1", lines[3]);

        using var revenue = await seeded.Owner.PostAsJsonAsync("/api/analytics/export", new { report = "revenue", from = "2026-01-10", to = "2026-01-11" });
        var revenueLines = (await revenue.Content.ReadAsStringAsync()).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("day,service_id,service,currency,bookings,booked_minor,paid_bookings,paid_minor", revenueLines[0]);
        Assert.Equal($"2026-01-11,{seeded.Reading},Reading,EUR,0,0,2,6000", revenueLines[3]);
        Assert.Equal($"total,{seeded.Tarot},Tarot,EUR,2,9000,1,4500", revenueLines[^1]);

        var exports = (await seeded.Owner.GetFromJsonAsync<JsonElement>("/api/analytics/exports")).EnumerateArray().ToList();
        Assert.Equal(["revenue", "conversations"], exports.Select(e => e.GetProperty("report").GetString()));
        var conversations = exports[1];
        Assert.Equal(seeded.OwnerId, conversations.GetProperty("employeeId").GetGuid());
        Assert.Equal("Owner", conversations.GetProperty("employeeName").GetString());
        Assert.Equal("2026-01-10", conversations.GetProperty("from").GetString());
        Assert.Equal("2026-01-11", conversations.GetProperty("to").GetString());
        Assert.Equal(3, conversations.GetProperty("rows").GetInt32());
    }

    private static void AssertCounts(
        JsonElement day, long started, long reopened, long assistantOnly, long withHuman, long customerMessages, long toAssistant, long toHumans,
        long resolved, long resolvedByAssistant, long handoffs, long takeovers)
    {
        var what = day.GetProperty("day").ToString();
        Assert.True(started == day.GetProperty("started").GetInt64(), $"started on {what}");
        Assert.True(reopened == day.GetProperty("reopened").GetInt64(), $"reopened on {what}");
        Assert.True(assistantOnly == day.GetProperty("assistantOnly").GetInt64(), $"assistantOnly on {what}");
        Assert.True(withHuman == day.GetProperty("withHuman").GetInt64(), $"withHuman on {what}");
        Assert.True(customerMessages == day.GetProperty("customerMessages").GetInt64(), $"customerMessages on {what}");
        Assert.True(toAssistant == day.GetProperty("customerMessagesToAssistant").GetInt64(), $"customerMessagesToAssistant on {what}");
        Assert.True(toHumans == day.GetProperty("customerMessagesToHumans").GetInt64(), $"customerMessagesToHumans on {what}");
        Assert.True(resolved == day.GetProperty("resolved").GetInt64(), $"resolved on {what}");
        Assert.True(resolvedByAssistant == day.GetProperty("resolvedByAssistant").GetInt64(), $"resolvedByAssistant on {what}");
        Assert.True(handoffs == day.GetProperty("handoffs").GetInt64(), $"handoffs on {what}");
        Assert.True(takeovers == day.GetProperty("takeovers").GetInt64(), $"takeovers on {what}");
    }

    private static void AssertTimes(JsonElement times, long count, double? p50, double? p90)
    {
        Assert.Equal(count, times.GetProperty("count").GetInt64());
        Assert.Equal(p50, Seconds(times.GetProperty("p50Seconds")));
        Assert.Equal(p90, Seconds(times.GetProperty("p90Seconds")));
    }

    private static double? Seconds(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static void AssertLine(JsonElement line, Guid serviceId, string service, long bookings, long booked, long paidBookings, long paid)
    {
        Assert.Equal(serviceId, line.GetProperty("serviceId").GetGuid());
        Assert.Equal(service, line.GetProperty("service").GetString());
        Assert.Equal("EUR", line.GetProperty("currency").GetString());
        Assert.Equal(bookings, line.GetProperty("bookings").GetInt64());
        Assert.Equal(booked, line.GetProperty("bookedMinor").GetInt64());
        Assert.Equal(paidBookings, line.GetProperty("paidBookings").GetInt64());
        Assert.Equal(paid, line.GetProperty("paidMinor").GetInt64());
    }

    private static void AssertTotal(JsonElement total, long bookings, long booked, long paidBookings, long paid)
    {
        Assert.Equal("EUR", total.GetProperty("currency").GetString());
        Assert.Equal(bookings, total.GetProperty("bookings").GetInt64());
        Assert.Equal(booked, total.GetProperty("bookedMinor").GetInt64());
        Assert.Equal(paidBookings, total.GetProperty("paidBookings").GetInt64());
        Assert.Equal(paid, total.GetProperty("paidMinor").GetInt64());
    }
}
