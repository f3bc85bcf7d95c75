using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Payments;

/// <summary>Booking payments through Stripe Checkout: links, the webhook, refunds on cancellation.</summary>
[Collection(PaymentsCollection.Name)]
public sealed class BookingPaymentTests(PaymentsFixture fixture)
{
    [Fact]
    public async Task A_payment_link_is_a_checkout_session_for_the_service_price_made_once_per_booking()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Linked");
        var (booking, conversation) = await fixture.BookAsync(tenant, owner);

        var link = await PaymentsFixture.PaymentLinkAsync(owner, booking);
        var payment = link.GetProperty("payment");
        Assert.False(link.GetProperty("reused").GetBoolean());
        Assert.Equal(3000, payment.GetProperty("amountMinor").GetInt64());
        Assert.Equal("EUR", payment.GetProperty("currency").GetString());
        Assert.Equal("pending", payment.GetProperty("status").GetString());
        var url = payment.GetProperty("url").GetString()!;
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_", url, StringComparison.Ordinal);

        var request = fixture.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions" && r.Body.Contains(booking.ToString(), StringComparison.Ordinal));
        var form = System.Web.HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("3000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("Reading", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal(booking.ToString(), form["metadata[booking_id]"]);
        Assert.Equal(tenant.BusinessId.ToString(), form["metadata[business_id]"]);
        Assert.Equal(booking.ToString(), form["payment_intent_data[metadata][booking_id]"]);
        Assert.StartsWith("https://app.example.test/payment/success", form["success_url"], StringComparison.Ordinal);

        // Asked again: the open link, no second session.
        var again = await PaymentsFixture.PaymentLinkAsync(owner, booking);
        Assert.True(again.GetProperty("reused").GetBoolean());
        Assert.Equal(url, again.GetProperty("payment").GetProperty("url").GetString());

        // A request Stripe answered but whose row was lost is retried with the same idempotency key, and Stripe
        // answers with the same session: still one session for the booking.
        var sessions = fixture.Stripe.SessionCount;
        await ExecuteAsync("DELETE FROM payments WHERE booking_id = @id", ("id", booking));
        var retried = await PaymentsFixture.PaymentLinkAsync(owner, booking);
        Assert.Equal(url, retried.GetProperty("payment").GetProperty("url").GetString());
        Assert.Equal(sessions, fixture.Stripe.SessionCount);
        var keys = fixture.Stripe.IdempotencyKeys.Where(k => k.Contains(booking.ToString("N"), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Single(keys.Distinct());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM payments WHERE booking_id = @id", ("id", booking)));

        // The agent sends it to the customer, as themselves, once however often asked.
        var sent = await PaymentsFixture.PaymentLinkAsync(owner, booking, send: true);
        Assert.True(sent.GetProperty("sent").GetBoolean());
        await PaymentsFixture.PaymentLinkAsync(owner, booking, send: true);
        var message = Assert.Single(await PaymentsFixture.MessagesAsync(owner, conversation), m => m.GetProperty("body").GetString()?.Contains(url, StringComparison.Ordinal) == true);
        Assert.Equal("employee", message.GetProperty("sender").GetString());
        Assert.Contains("you can pay 30.00 EUR for Reading", message.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_checkout_marks_the_booking_paid_and_thanks_the_customer_once()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Paid");
        var (booking, conversation) = await fixture.BookAsync(tenant, owner);
        var link = await PaymentsFixture.PaymentLinkAsync(owner, booking);
        var session = fixture.Stripe.CompletePayment(link.GetProperty("payment").GetProperty("url").GetString()!.Split('/')[^1]);
        var payload = StripeWebhooks.Event("checkout.session.completed", session);

        using (var first = await fixture.DeliverAsync(payload))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False((await first.BodyAsync()).GetProperty("duplicate").GetBoolean());
        }

        Assert.Equal("paid", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", booking)));
        Assert.Equal(session["payment_intent"]!.GetValue<string>(), await fixture.Database.ScalarAsync<string>(
            "SELECT payment_intent_id FROM payments WHERE booking_id = @id", ("id", booking)));
        Assert.NotNull(await fixture.Database.ScalarAsync<DateTime?>("SELECT paid_at FROM bookings WHERE id = @id", ("id", booking)));
        var history = await owner.GetFromJsonAsync<JsonElement>($"/api/bookings/{booking}/history");
        var paid = history.EnumerateArray().Single(e => e.GetProperty("change").GetString() == "paid");
        Assert.Equal("system", paid.GetProperty("actor").GetString());

        var thanks = await Eventually.GetAsync(
            () => PaymentsFixture.MessagesAsync(owner, conversation),
            messages => messages.Any(m => m.GetProperty("body").GetString()?.Contains("we received your payment of 30.00 EUR", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(10), "the payment message");
        Assert.Equal("system", thanks.Single(m => m.GetProperty("body").GetString()!.Contains("received your payment", StringComparison.Ordinal)).GetProperty("sender").GetString());

        // Stripe delivers the same event again: one change, one message.
        using (var again = await fixture.DeliverAsync(payload))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True((await again.BodyAsync()).GetProperty("duplicate").GetBoolean());
        }

        await Task.Delay(300);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM booking_events WHERE booking_id = @id AND change = 'paid'", ("id", booking)));
        Assert.Single(await PaymentsFixture.MessagesAsync(owner, conversation), m => m.GetProperty("body").GetString()?.Contains("received your payment", StringComparison.Ordinal) == true);

        // A paid booking gets no new link.
        using var noLink = await owner.PostAsJsonAsync($"/api/bookings/{booking}/payment-link", new { });
        await noLink.AssertProblemAsync(HttpStatusCode.Conflict, "booking");
    }

    [Fact]
    public async Task A_delivery_without_the_endpoints_signature_is_refused_and_changes_nothing()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Forged");
        var (booking, _) = await fixture.BookAsync(tenant, owner);
        var link = await PaymentsFixture.PaymentLinkAsync(owner, booking);
        var session = fixture.Stripe.CompletePayment(link.GetProperty("payment").GetProperty("url").GetString()!.Split('/')[^1]);
        var eventId = StripeWebhooks.NewEventId();
        var payload = StripeWebhooks.Event("checkout.session.completed", session, eventId);

        using (var forged = await fixture.DeliverAsync(payload, "whsec_someone_else"))
        {
            await forged.AssertProblemAsync(HttpStatusCode.Unauthorized, "Stripe-Signature");
        }

        using (var unsigned = await fixture.DeliverAsync(payload, secret: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        using (var replayed = await fixture.DeliverAsync(payload, signedAt: fixture.App.Clock.GetUtcNow().AddMinutes(-10)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        }

        using (var tampered = await fixture.DeliverAsync(payload.Replace("\"amount_total\":3000", "\"amount_total\":1", StringComparison.Ordinal), signatureOf: payload))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        }

        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM stripe_events WHERE id = @id", ("id", eventId)));
        Assert.Equal("pending", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", booking)));
    }

    [Fact]
    public async Task Cancelling_a_paid_booking_refunds_it_in_full_by_default_and_tells_the_customer()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Refunds");
        var (booking, conversation) = await fixture.BookAsync(tenant, owner);
        var session = await fixture.PayAsync(owner, booking);
        var intent = session["payment_intent"]!.GetValue<string>();

        using var cancelled = await owner.DeleteAsync($"/api/bookings/{booking}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var refund = fixture.Stripe.Requests.Single(r => r.Path == "/v1/refunds" && r.Body.Contains(intent, StringComparison.Ordinal));
        Assert.Equal(200, refund.StatusCode);
        Assert.Equal("refunded", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", booking)));
        Assert.Equal(3000L, await fixture.Database.ScalarAsync<long>("SELECT refunded_minor FROM payments WHERE booking_id = @id", ("id", booking)));
        await Eventually.GetAsync(
            () => PaymentsFixture.MessagesAsync(owner, conversation),
            messages => messages.Any(m => m.GetProperty("body").GetString()?.Contains("30.00 EUR for Reading has been refunded", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(10), "the refund message");

        // Stripe's own event about the refund changes nothing more.
        await fixture.DeliverEventAsync("charge.refunded", Charge(intent, refunded: 3000));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM booking_events WHERE booking_id = @id AND change = 'refunded'", ("id", booking)));
    }

    [Fact]
    public async Task A_refund_made_in_stripe_is_recorded_from_its_event()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Dashboard refunds");
        var (booking, _) = await fixture.BookAsync(tenant, owner);
        var intent = (await fixture.PayAsync(owner, booking))["payment_intent"]!.GetValue<string>();

        await fixture.DeliverEventAsync("charge.refunded", Charge(intent, refunded: 1000));
        Assert.Equal("paid", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", booking)));
        Assert.Equal(1000L, await fixture.Database.ScalarAsync<long>("SELECT refunded_minor FROM payments WHERE booking_id = @id", ("id", booking)));

        await fixture.DeliverEventAsync("charge.refunded", Charge(intent, refunded: 3000));
        var payments = await owner.GetFromJsonAsync<JsonElement>($"/api/bookings/{booking}/payments");
        Assert.Equal("refunded", payments[0].GetProperty("status").GetString());
        Assert.Equal(3000, payments[0].GetProperty("refundedMinor").GetInt64());
    }

    [Fact]
    public async Task Cancellations_are_refunded_only_as_the_business_policy_says()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Strict");
        using (var invalid = await owner.PatchAsJsonAsync("/api/payments/settings", new { refundPolicy = "full_before_window" }))
        {
            await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "refundWindowHours");
        }

        using (var window = await owner.PatchAsJsonAsync("/api/payments/settings", new { refundPolicy = "full_before_window", refundWindowHours = 48 }))
        {
            Assert.Equal(HttpStatusCode.OK, window.StatusCode);
            var settings = await window.BodyAsync();
            Assert.True(settings.GetProperty("configured").GetBoolean());
            Assert.Equal(48, settings.GetProperty("refundWindowHours").GetInt32());
        }

        // Inside the window: nothing back.
        var (late, _) = await fixture.BookAsync(tenant, owner, TimeSpan.FromHours(20));
        var lateIntent = (await fixture.PayAsync(owner, late))["payment_intent"]!.GetValue<string>();
        (await owner.DeleteAsync($"/api/bookings/{late}")).EnsureSuccessStatusCode();
        Assert.DoesNotContain(fixture.Stripe.Requests, r => r.Path == "/v1/refunds" && r.Body.Contains(lateIntent, StringComparison.Ordinal));
        Assert.Equal("paid", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", late)));

        // Before the window: everything back.
        var (early, _) = await fixture.BookAsync(tenant, owner, TimeSpan.FromDays(5));
        await fixture.PayAsync(owner, early);
        (await owner.DeleteAsync($"/api/bookings/{early}")).EnsureSuccessStatusCode();
        Assert.Equal("refunded", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", early)));

        // No refunds at all.
        (await owner.PatchAsJsonAsync("/api/payments/settings", new { refundPolicy = "none" })).EnsureSuccessStatusCode();
        var (kept, _) = await fixture.BookAsync(tenant, owner, TimeSpan.FromDays(5));
        await fixture.PayAsync(owner, kept);
        (await owner.DeleteAsync($"/api/bookings/{kept}")).EnsureSuccessStatusCode();
        Assert.Equal("paid", await fixture.Database.ScalarAsync<string>("SELECT status FROM payments WHERE booking_id = @id", ("id", kept)));
    }

    [Fact]
    public async Task Another_business_cannot_make_or_see_a_bookings_payment()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Mine");
        var (_, stranger) = await fixture.NewTenantAsync("Theirs");
        var (booking, _) = await fixture.BookAsync(tenant, owner);

        using var link = await stranger.PostAsJsonAsync($"/api/bookings/{booking}/payment-link", new { });
        Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        using var list = await stranger.GetAsync($"/api/bookings/{booking}/payments");
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    [Fact]
    public async Task A_customer_booking_with_the_assistant_gets_a_payment_link()
    {
        var (tenant, owner) = await fixture.NewTenantAsync("Pay by chat", assistant: true);
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        (await owner.PutAsJsonAsync("/api/availability/hours", new { weeklyHours = days.Select(d => new { weekday = d, opens = "08:00", closes = "20:00" }) }))
            .EnsureSuccessStatusCode();
        var customer = PaymentsFixture.NewCustomer();
        var conversation = global::Conversations.Grains.Interfaces.ConversationIds.For(tenant.BusinessId, customer);

        await fixture.App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "I'd like a reading tomorrow at 3pm");
        await AssistantRepliesAsync(owner, conversation, 1);
        await fixture.App.CustomerWritesAsync(tenant, customer, $"wamid.{Guid.NewGuid():N}", "yes please");
        var booked = (await AssistantRepliesAsync(owner, conversation, 2)).Last();

        Assert.Contains("You can pay here: https://checkout.stripe.test/c/pay/cs_test_", booked.GetProperty("body").GetString(), StringComparison.Ordinal);
        var assistant = await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/assistant");
        Assert.Equal("payment", assistant.GetProperty("flowState").GetString());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM payments WHERE business_id = @b", ("b", tenant.BusinessId)));
    }

    private static Task<IReadOnlyList<JsonElement>> AssistantRepliesAsync(HttpClient client, Guid conversation, int count) =>
        Eventually.GetAsync(
            async () => (IReadOnlyList<JsonElement>)(await PaymentsFixture.MessagesAsync(client, conversation)).Where(m => m.GetProperty("sender").GetString() == "assistant").ToList(),
            replies => replies.Count >= count, TimeSpan.FromSeconds(20), $"{count} assistant replies");

    private static System.Text.Json.Nodes.JsonObject Charge(string intent, long refunded) => new()
    {
        ["id"] = $"ch_{Guid.NewGuid():N}",
        ["object"] = "charge",
        ["amount"] = 3000,
        ["amount_refunded"] = refunded,
        ["refunded"] = refunded >= 3000,
        ["currency"] = "eur",
        ["paid"] = true,
        ["status"] = "succeeded",
        ["payment_intent"] = intent,
    };

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
