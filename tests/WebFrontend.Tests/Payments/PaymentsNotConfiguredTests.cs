using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Payments;

/// <summary>A platform without a Stripe key: the payment routes say so clearly, and everything else works.</summary>
[Collection(AppCollection.Name)]
public sealed class PaymentsNotConfiguredTests(AppFixture fixture)
{
    [Fact]
    public async Task Without_a_stripe_key_the_payment_routes_answer_that_payments_are_not_configured()
    {
        var tenant = await fixture.App.CreateTenantAsync("No Stripe");
        var owner = await fixture.App.ClientOfAsync(tenant);
        var customer = await RecordsFixture.CreateCustomerAsync(owner);
        var service = await fixture.Database.ScalarAsync<Guid>("SELECT id FROM services WHERE business_id = @b", ("b", tenant.BusinessId));
        using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId = service, customerId = customer, start = RecordsFixture.At(DateTimeOffset.UtcNow.AddDays(2)) });
        var booking = (await booked.BodyAsync()).GetProperty("id").GetGuid();

        foreach (var response in new[]
        {
            await owner.PostAsJsonAsync($"/api/bookings/{booking}/payment-link", new { }),
            await owner.PostAsJsonAsync("/api/subscription/checkout", new { plan = "professional" }),
            await owner.PostAsJsonAsync("/api/subscription/cancel", new { }),
            await fixture.App.CreateClient().PostAsync("/api/webhook/stripe", JsonContent.Create(new { id = "evt_1", type = "checkout.session.completed" })),
        })
        {
            using (response)
            {
                await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "payments");
                Assert.Equal("Payments are not configured.", (await response.BodyAsync()).GetProperty("title").GetString());
            }
        }

        // Everything else works: the plan, the policy, the booking's (empty) payments, cancelling.
        var subscription = await owner.GetFromJsonAsync<JsonElement>("/api/subscription");
        Assert.Equal("starter", subscription.GetProperty("plan").GetString());
        Assert.All(subscription.GetProperty("plans").EnumerateArray(), p => Assert.False(p.GetProperty("sold").GetBoolean()));
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/subscription/invoices")).EnumerateArray());
        Assert.False((await owner.GetFromJsonAsync<JsonElement>("/api/payments/settings")).GetProperty("configured").GetBoolean());
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/api/bookings/{booking}/payments")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"/api/bookings/{booking}")).StatusCode);
    }
}
