using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>Settings → Billing with Stripe configured: Checkout, the plan and invoices Stripe's events set, cancelling.</summary>
[Collection(BillingDashboardCollection.Name)]
public sealed class BillingDashboardTests(BillingDashboardFixture fixture)
{
    [Fact]
    public async Task An_owner_subscribes_through_checkout_sees_the_invoice_and_cancels()
    {
        var owner = await fixture.SignUpAsync("Subscribing Spa");
        var page = await fixture.NewPageAsync();
        // Stripe's hosted Checkout page, which this closed network cannot reach: the browser only has to arrive there.
        await page.RouteAsync("https://checkout.stripe.test/**", route => route.FulfillAsync(new() { Body = "Stripe Checkout", ContentType = "text/plain" }));
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync("/settings/billing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan: Starter" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe to Professional" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^https://checkout\\.stripe\\.test/c/pay/"));
        var sessionId = page.Url.Split('/')[^1];
        var created = HttpUtility.ParseQueryString(fixture.Stripe.Requests.Last(r => r.Path == "/v1/checkout/sessions").Body);
        Assert.EndsWith("/settings/billing?checkout=success", created["success_url"], StringComparison.Ordinal);
        Assert.EndsWith("/settings/billing?checkout=cancel", created["cancel_url"], StringComparison.Ordinal);

        // The customer pays; Stripe tells the product, then sends the browser back.
        var session = fixture.Stripe.CompleteSubscription(sessionId);
        var subscriptionId = session["subscription"]!.GetValue<string>();
        var t0 = DateTimeOffset.UtcNow;
        await fixture.DeliverEventAsync("customer.subscription.created", fixture.Stripe.Subscription(subscriptionId), t0);
        await fixture.DeliverEventAsync("checkout.session.completed", session, t0.AddSeconds(1));
        await fixture.DeliverEventAsync(
            "invoice.paid", BillingDashboardFixture.PaidInvoice(session["customer"]!.GetValue<string>(), subscriptionId, "SPA-0001", 9900), t0.AddSeconds(2));
        await page.GotoAsync("/settings/billing?checkout=success");
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Thank you!");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan: Professional" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-plan")).ToContainTextAsync("Active");
        await Expect(page.GetByTestId("current-plan")).ToContainTextAsync("Renews on");
        await Expect(page.GetByTestId("usage-agents")).ToHaveTextAsync("1 of 15");
        var invoice = page.GetByTestId("invoices").Locator("tbody tr");
        await Expect(invoice).ToHaveCountAsync(1);
        await Expect(invoice).ToContainTextAsync("SPA-0001");
        await Expect(invoice).ToContainTextAsync("99.00");
        await Expect(invoice.GetByRole(AriaRole.Link, new() { Name = "View invoice SPA-0001" })).ToHaveAttributeAsync("href", new Regex("^https://invoice\\.stripe\\.test/i/"));
        await Expect(page.Locator("li.plan[data-plan=professional]")).ToContainTextAsync("Your current plan.");
        await fixture.ScreenshotAsync(page, "billing-subscribed");

        // A running subscription changes plan in place (no second Checkout); Stripe's event confirms it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to Starter" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Your plan is now Starter.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan: Starter" })).ToBeVisibleAsync();
        Assert.Equal("price_starter_monthly", fixture.Stripe.Subscription(subscriptionId)["items"]!["data"]![0]!["price"]!["id"]!.GetValue<string>());
        await fixture.DeliverEventAsync("customer.subscription.updated", fixture.Stripe.Subscription(subscriptionId), t0.AddSeconds(3));
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan: Starter" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("usage-agents")).ToHaveTextAsync("1 of 3");

        // Cancelling (after confirming) keeps the plan until the period's end.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("The subscription ends at the end of the paid period.");
        await Expect(page.GetByTestId("current-plan")).ToContainTextAsync("Ends on");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" })).ToHaveCountAsync(0);
        Assert.True(fixture.Stripe.Subscription(subscriptionId)["cancel_at_period_end"]!.GetValue<bool>());
        await page.Context.CloseAsync();
    }
}
