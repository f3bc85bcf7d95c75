using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.PromptTemplates;

namespace Conversations.Unit.Tests;

public sealed class PromptTemplateRenderingTests
{
    // 13:05 UTC is 14:05 in Madrid (CET, UTC+1) on a Wednesday.
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 13, 5, 0, TimeSpan.Zero);

    private static PromptContext Context(
        string? customerName = "Lucía", DateTimeOffset? now = null, string timeZone = "Europe/Madrid", string? bookingService = "Haircut") =>
        new(customerName, "+34677700001", "Peluquería Sol", timeZone, "- Haircut: 25.00 EUR, 30 min", bookingService,
            bookingService is null ? null : "Thursday 26 November 2026 10:00", bookingService is null ? null : "confirmed", now ?? Wednesday);

    private static string Render(string body, PromptContext? context = null) =>
        PromptVariables.Render(body, PromptVariables.Values(context ?? Context()));

    [Theory]
    [InlineData("Hi {{customer.name}}!")]
    [InlineData("Hi {{ customer.name }}!")]
    [InlineData("Hi {{   customer.name\t}}!")]
    public void Placeholders_are_filled_with_or_without_inner_spaces(string body) =>
        Assert.Equal("Hi Lucía!", Render(body));

    [Fact]
    public void Every_variable_is_filled_from_the_context()
    {
        var rendered = Render("""
            {{ customer.name }}|{{ customer.phone }}|{{ business.name }}|{{ business.timezone }}|{{ booking.service }}|{{ booking.time }}|{{ booking.status }}|{{ now }}|{{ today }}
            {{ services }}
            """);

        Assert.Equal(
            """
            Lucía|+34677700001|Peluquería Sol|Europe/Madrid|Haircut|Thursday 26 November 2026 10:00|confirmed|Wednesday 25 November 2026 14:05 (Europe/Madrid)|2026-11-25
            - Haircut: 25.00 EUR, 30 min
            """,
            rendered);
    }

    [Fact]
    public void Values_cover_the_whole_catalogue_in_its_order() =>
        Assert.Equal(PromptVariables.Catalogue.Select(v => v.Name), PromptVariables.Values(Context()).Keys);

    [Fact]
    public void Today_is_the_business_local_date_not_the_utc_one()
    {
        // 23:30 UTC on the 25th is already the 26th in Madrid, and still the 25th in New York.
        var late = new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-11-26", PromptVariables.Values(Context(now: late))[PromptVariables.Today]);
        Assert.Equal("Thursday 26 November 2026 00:30 (Europe/Madrid)", PromptVariables.Values(Context(now: late))[PromptVariables.Now]);
        Assert.Equal("2026-11-25", PromptVariables.Values(Context(now: late, timeZone: "America/New_York"))[PromptVariables.Today]);
    }

    [Fact]
    public void Summer_time_is_applied_to_now()
    {
        var july = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal("Wednesday 1 July 2026 14:00 (Europe/Madrid)", PromptVariables.Values(Context(now: july))[PromptVariables.Now]);
    }

    [Fact]
    public void Missing_customer_and_booking_read_as_unknown_and_none()
    {
        var values = PromptVariables.Values(Context(customerName: null, bookingService: null));
        Assert.Equal(PromptVariables.UnknownValue, values[PromptVariables.CustomerName]);
        Assert.Equal(
            [PromptVariables.NoneValue, PromptVariables.NoneValue, PromptVariables.NoneValue],
            new[] { values[PromptVariables.BookingService], values[PromptVariables.BookingTime], values[PromptVariables.BookingStatus] });
    }

    [Fact]
    public void An_unknown_time_zone_renders_in_utc_and_still_names_the_zone() =>
        Assert.Equal("Wednesday 25 November 2026 13:05 (Mars/Olympus)", PromptVariables.Values(Context(timeZone: "Mars/Olympus"))[PromptVariables.Now]);

    [Fact]
    public void Unknown_variables_are_reported_once_each_in_order_of_use()
    {
        var unknown = PromptVariables.Unknown("{{ coupon }} {{customer.name}} {{ customer.nickname }} {{coupon}} {{ today }}");
        Assert.Equal(["coupon", "customer.nickname"], unknown);
    }

    [Theory]
    [InlineData("{{customer_name}}", "customer_name")]
    [InlineData("{{ Customer.Name }}", "Customer.Name")]
    [InlineData("{{ }}", "")]
    [InlineData("{{ booking.time | date }}", "booking.time | date")]
    [InlineData("Use {{ business.name}} and {{ business.address }}", "business.address")]
    public void Typos_and_other_placeholders_are_unknown(string body, string unknown) =>
        Assert.Equal([unknown], PromptVariables.Unknown(body));

    [Theory]
    [InlineData("No variables at all.")]
    [InlineData("A single { brace } and a {{ half")]
    [InlineData("{{ customer.name }} {{ customer.phone }} {{ business.name }} {{ business.timezone }} {{ services }} {{ booking.service }} {{ booking.time }} {{ booking.status }} {{ now }} {{ today }}")]
    public void Known_variables_and_plain_text_are_accepted(string body) =>
        Assert.Empty(PromptVariables.Unknown(body));

    [Fact]
    public void An_unknown_placeholder_is_left_as_written_when_rendering() =>
        Assert.Equal("Hi Lucía, {{ coupon }}", Render("Hi {{customer.name}}, {{ coupon }}"));

    [Fact]
    public void Values_are_inserted_literally_and_not_rendered_again()
    {
        var context = Context(customerName: "{{ business.name }}");
        Assert.Equal("Hi {{ business.name }}", Render("Hi {{ customer.name }}", context));
    }

    [Fact]
    public void Used_lists_the_known_variables_of_a_body() =>
        Assert.Equal(["now", "customer.name"], PromptVariables.Used("{{now}} {{ customer.name }} {{ x }} {{ now }}"));

    [Theory]
    [InlineData(2500, "eur", "- Haircut: 25.00 EUR, 30 min")]
    [InlineData(0, "EUR", "- Haircut: 0.00 EUR, 30 min")]
    [InlineData(3000, "JPY", "- Haircut: 3000 JPY, 30 min")]
    [InlineData(12345, "KWD", "- Haircut: 12.345 KWD, 30 min")]
    public void Service_lines_give_the_price_in_major_units_with_duration(long priceMinor, string currency, string line) =>
        Assert.Equal(line, PromptVariables.ServiceLine("Haircut", priceMinor, currency, 30));

    [Fact]
    public void Every_flow_state_has_a_snake_case_name_that_reads_back()
    {
        Assert.Equal(
            ["greeting", "service_selection", "scheduling", "confirmation", "payment", "booked", "faq", "handoff"],
            PromptFlowStates.Names);
        foreach (var state in Enum.GetValues<FlowState>())
        {
            Assert.True(PromptFlowStates.TryParse(PromptFlowStates.Name(state), out var parsed));
            Assert.Equal(state, parsed);
        }
    }

    [Theory]
    [InlineData("service_selection", FlowState.ServiceSelection)]
    [InlineData("serviceSelection", FlowState.ServiceSelection)]
    [InlineData(" FAQ ", FlowState.Faq)]
    public void Flow_state_names_forgive_case_and_underscores(string name, FlowState state)
    {
        Assert.True(PromptFlowStates.TryParse(name, out var parsed));
        Assert.Equal(state, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("checkout")]
    [InlineData("1")]
    public void Other_flow_state_names_are_refused(string? name) =>
        Assert.False(PromptFlowStates.TryParse(name, out _));

    [Fact]
    public void Every_default_prompt_uses_only_known_variables_and_several_of_them()
    {
        foreach (var state in Enum.GetValues<FlowState>())
        {
            var body = DefaultPrompts.Body(state);
            Assert.Empty(PromptVariables.Unknown(body));
            Assert.True(PromptVariables.Used(body).Count >= 5, $"{state} uses {PromptVariables.Used(body).Count} variables");
            Assert.InRange(body.Length, 200, 20_000);
            Assert.DoesNotContain("{{", Render(body));
        }
    }

    [Fact]
    public void Every_default_prompt_keeps_the_shared_rules_and_its_own_instructions()
    {
        var bodies = Enum.GetValues<FlowState>().Select(DefaultPrompts.Body).ToList();
        Assert.All(bodies, body =>
        {
            Assert.Contains("Reply in the language the customer writes in", body);
            Assert.Contains("Never invent prices", body);
            Assert.Contains("Hand off to a human", body);
        });
        Assert.Equal(bodies.Count, bodies.Distinct().Count());
        Assert.Contains("knowledge passages", DefaultPrompts.Body(FlowState.Faq));
        Assert.Contains("do not know", DefaultPrompts.Body(FlowState.Faq));
        Assert.Contains("availability", DefaultPrompts.Body(FlowState.Scheduling));
        Assert.Contains("payment link", DefaultPrompts.Body(FlowState.Payment));
        Assert.Contains("cancel", DefaultPrompts.Body(FlowState.Booked));
    }
}
