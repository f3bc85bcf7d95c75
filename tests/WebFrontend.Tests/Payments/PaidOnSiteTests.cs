using Conversations.WebFrontend.Tests.Assistant;

namespace Conversations.WebFrontend.Tests.Payments;

/// <summary>The assistant on a platform without a Stripe key: it books and says the booking is paid on site.</summary>
[Collection(AssistantCollection.Name)]
public sealed class PaidOnSiteTests(AssistantFixture fixture)
{
    [Fact]
    public async Task Without_a_stripe_key_the_assistant_books_and_says_payment_is_on_site()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("On site");
        var customer = AssistantFixture.NewCustomer();

        var conversation = await fixture.CustomerWritesAsync(tenant, customer, "I'd like a reading tomorrow at 3pm");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);
        await fixture.CustomerWritesAsync(tenant, customer, "yes please");
        var booked = (await AssistantFixture.AssistantRepliesAsync(owner, conversation, 2)).Last();

        var text = AssistantFixture.Body(booked);
        Assert.StartsWith("You're booked for Reading", text, StringComparison.Ordinal);
        Assert.Contains("Payment is on site", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pay here", text, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM payments WHERE business_id = @b", ("b", tenant.BusinessId)));
    }
}
