using Conversations.Infrastructure.Payments;
using Conversations.Infrastructure.Plans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Conversations.Unit.Tests;

public sealed class PaymentRulesTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("full", null, 1, true)]
    [InlineData("none", null, 240, false)]
    [InlineData("full_before_window", 24, 25, true)]
    [InlineData("full_before_window", 24, 24, true)]
    [InlineData("full_before_window", 24, 23, false)]
    public void A_cancellation_is_refunded_as_the_policy_says(string policy, int? windowHours, int hoursBeforeStart, bool refunded) =>
        Assert.Equal(refunded, RefundPolicy.Refunds(new PaymentSettings(true, policy, windowHours), Start, Start.AddHours(-hoursBeforeStart)));

    [Theory]
    [InlineData(3000, "EUR", "30.00 EUR")]
    [InlineData(5, "usd", "0.05 USD")]
    [InlineData(1500, "JPY", "1500 JPY")]
    public void Amounts_are_shown_in_the_currencys_units(long minor, string currency, string shown) =>
        Assert.Equal(shown, Money.Format(minor, currency));

    [Fact]
    public void The_default_plans_are_starter_professional_and_enterprise_with_their_limits()
    {
        var catalog = Catalog(Bind());
        Assert.Equal("starter", catalog.Default.Id);
        Assert.Equal([("starter", 3, 500), ("professional", 15, 5000)], catalog.All.Where(p => p.Agents is not null).Select(p => (p.Id, p.Agents!.Value, p.AiConversationsPerMonth!.Value)));
        var enterprise = catalog.Find("Enterprise")!;
        Assert.Null(enterprise.Agents);
        Assert.Null(enterprise.AiConversationsPerMonth);
    }

    [Fact]
    public void A_setting_changes_one_limit_of_a_plan_and_adds_plans()
    {
        var catalog = Catalog(Bind(
            ("Conversations:Plans:Plans:starter:Agents", "5"),
            ("Conversations:Plans:Plans:solo:Agents", "1"),
            ("Conversations:Plans:DefaultPlan", "solo")));
        var starter = catalog.Find("starter")!;
        Assert.Equal(("Starter", 5, 500), (starter.Name, starter.Agents, starter.AiConversationsPerMonth));
        Assert.Equal(new Plan("solo", "Solo", 1, null), catalog.Default);
    }

    [Theory]
    [InlineData("Conversations:Plans:DefaultPlan", "gold", "DefaultPlan 'gold'")]
    [InlineData("Conversations:Plans:Plans:starter:Agents", "0", "Plans:starter:Agents")]
    [InlineData("Conversations:Plans:Plans:starter:AiConversationsPerMonth", "-1", "Plans:starter:AiConversationsPerMonth")]
    [InlineData("Conversations:Plans:Plans:Big Plan:Agents", "4", "Plans:big plan")]
    public void Invalid_plans_are_named(string key, string value, string reported)
    {
        var result = new PlanOptionsValidation().Validate(null, Bind((key, value)));
        Assert.True(result.Failed);
        Assert.Contains(reported, result.FailureMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_secret_key_with_whitespace_is_refused()
    {
        var result = new StripeOptionsValidation().Validate(null, new StripeOptions { SecretKey = "sk_test_abc def" });
        Assert.True(result.Failed);
        Assert.Contains("Conversations:Stripe:SecretKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.False(new StripeOptions().IsConfigured);
        Assert.Equal("professional", new StripeOptions { PlanPrices = { ["professional"] = "price_1" } }.PlanOfPrice("price_1"));
    }

    private static PlanOptions Bind(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
        var options = new PlanOptions();
        configuration.GetSection(PlanOptions.Section).Bind(options);
        return options;
    }

    private static PlanCatalog Catalog(PlanOptions options) => new(Options.Create(options));
}
