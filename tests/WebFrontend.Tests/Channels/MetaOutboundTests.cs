using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conversations.WebFrontend.Tests.Channels;

[Collection(ChannelsCollection.Name)]
public sealed class MetaOutboundTests(ChannelsFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private FakeMetaGraphApi Meta => fixture.Meta;

    private async Task<(TestTenant Tenant, HttpClient Agent, Guid Conversation, string Customer)> ConversationAsync(string name, bool connected = true)
    {
        var tenant = await App.CreateTenantAsync(name);
        var agent = await App.ClientOfAsync(tenant);
        if (connected)
        {
            await Channels.ConnectMetaAsync(agent, tenant);
        }

        var customer = $"34{Random.Shared.NextInt64(600_000_000, 699_999_999)}";
        await App.CustomerWritesAsync(tenant, customer, $"wamid.in.{Guid.NewGuid():N}", "Hola");
        return (tenant, agent, ConversationIds.For(tenant.BusinessId, customer), customer);
    }

    private static async Task<JsonElement> LastAsync(HttpClient agent, Guid conversation) =>
        (await Transcript.ReadAsync(agent, conversation))[^1];

    private Task<JsonElement> SentAsync(HttpClient agent, Guid conversation, string state) =>
        Eventually.GetAsync(() => LastAsync(agent, conversation), m => m.Delivery() == state, what: $"delivery state {state}");

    [Fact]
    public async Task Agent_reply_is_queued_at_once_then_sent_through_the_cloud_api()
    {
        var (tenant, agent, conversation, customer) = await ConversationAsync("Reply");

        using var response = await Channels.SendTextAsync(agent, conversation, "Claro, ¿a qué hora?");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", queued.Delivery());
        Assert.Equal("outbound", queued.Text("direction"));
        Assert.Equal("employee", queued.Text("sender"));

        var sent = await SentAsync(agent, conversation, "sent");
        var request = Assert.Single(Meta.Requests, r => r.Body.Contains(customer, StringComparison.Ordinal));
        Assert.Equal($"/v21.0/{tenant.PhoneNumberId}/messages", request.Path);
        Assert.Equal("Bearer EAAG-test-access-token-0123456789", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("whatsapp", body.RootElement.Text("messaging_product"));
        Assert.Equal("Claro, ¿a qué hora?", body.RootElement.GetProperty("text").Text("body"));
        Assert.StartsWith("wamid.fake", sent.Text("providerMessageId"));
    }

    [Fact]
    public async Task An_uploaded_file_is_uploaded_to_the_number_and_sent_by_its_media_id()
    {
        var (tenant, agent, conversation, customer) = await ConversationAsync("Upload send");
        var upload = await Media.MediaApiTests.UploadAsync(agent, Media.SampleFiles.Png, "menu.png", "image/png");
        var mediaId = upload.GetProperty("id").GetGuid();

        using var response = await agent.PostAsJsonAsync("/api/messages", new { conversationId = conversation, text = "Our menu", media = new { mediaId } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image", queued.GetProperty("content").Text("kind"));
        Assert.Equal(mediaId, queued.GetProperty("content").GetProperty("media").GetProperty("storedMediaId").GetGuid());
        await SentAsync(agent, conversation, "sent");
        var uploaded = Assert.Single(Meta.Requests, r => r.Path == $"/v21.0/{tenant.PhoneNumberId}/media" && r.Body.Contains("menu.png", StringComparison.Ordinal));
        Assert.Contains("whatsapp", uploaded.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer EAAG-test-access-token-0123456789", uploaded.Authorization);
        var message = Assert.Single(Meta.Requests, r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Body.Contains(customer, StringComparison.Ordinal) && r.Body.Contains("image", StringComparison.Ordinal));
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal("image", body.RootElement.Text("type"));
        Assert.StartsWith("media.fake", body.RootElement.GetProperty("image").Text("id"));
        Assert.Equal("Our menu", body.RootElement.GetProperty("image").Text("caption"));
    }

    [Fact]
    public async Task A_refused_upload_fails_the_message_with_the_cloud_api_error()
    {
        var (_, agent, conversation, _) = await ConversationAsync("Upload refused");
        var upload = await Media.MediaApiTests.UploadAsync(agent, Media.SampleFiles.Pdf, "prices.pdf");
        Meta.FailNext((400, FakeMetaGraphApi.Error(131053, "Media upload error")));

        using var response = await agent.PostAsJsonAsync("/api/messages", new { conversationId = conversation, media = new { mediaId = upload.GetProperty("id").GetGuid() } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("document", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("content").Text("kind"));
        var failed = await SentAsync(agent, conversation, "failed");
        Assert.Equal("131053", failed.Text("deliveryErrorCode"));
        Assert.Equal("Media upload error", failed.Text("deliveryErrorTitle"));
    }

    [Fact]
    public async Task Another_business_file_or_an_unknown_one_cannot_be_sent()
    {
        var (_, agent, conversation, _) = await ConversationAsync("Upload foreign");
        var (_, stranger, _, _) = await ConversationAsync("Upload stranger");
        var foreign = await Media.MediaApiTests.UploadAsync(stranger, Media.SampleFiles.Png, "theirs.png", "image/png");

        foreach (var mediaId in new[] { foreign.GetProperty("id").GetGuid(), Guid.NewGuid() })
        {
            using var response = await agent.PostAsJsonAsync("/api/messages", new { conversationId = conversation, media = new { mediaId } });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("media.mediaId", out _));
        }
    }

    [Fact]
    public async Task Statuses_move_delivery_forward_and_never_back()
    {
        var (tenant, agent, conversation, customer) = await ConversationAsync("Statuses");
        using (var send = await Channels.SendTextAsync(agent, conversation, "Reservado"))
        {
            send.EnsureSuccessStatusCode();
        }

        var sent = await SentAsync(agent, conversation, "sent");
        var wamid = sent.Text("providerMessageId")!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Read arrives before delivered (Meta does not guarantee order): read wins and stays.
        foreach (var status in new[] { "read", "delivered", "sent" })
        {
            using var response = await App.PostWebhookAsync(
                MetaWebhooks.Delivery(tenant.PhoneNumberId, statusesJson: $"[{MetaWebhooks.Status(wamid, customer, status, now)}]"),
                tenant.AppSecret);
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal("read", (await LastAsync(agent, conversation)).Delivery());
    }

    [Fact]
    public async Task Failed_status_records_the_provider_error_and_reaches_agents_live()
    {
        var (tenant, agent, conversation, customer) = await ConversationAsync("Failed status");
        await using var hub = await App.ConnectHubAsync(await App.LoginAsync(tenant));
        var updates = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("MessageUpdated", m => updates.Writer.TryWrite(m.Clone()));

        using (var send = await Channels.SendTextAsync(agent, conversation, "Hello"))
        {
            send.EnsureSuccessStatusCode();
        }

        var wamid = (await SentAsync(agent, conversation, "sent")).Text("providerMessageId")!;
        using (var response = await App.PostWebhookAsync(
            MetaWebhooks.Delivery(tenant.PhoneNumberId, statusesJson:
                $"[{MetaWebhooks.Status(wamid, customer, "failed", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 131026, "Message undeliverable")}]"),
            tenant.AppSecret))
        {
            response.EnsureSuccessStatusCode();
        }

        var failed = await LastAsync(agent, conversation);
        Assert.Equal("failed", failed.Delivery());
        Assert.Equal("131026", failed.Text("deliveryErrorCode"));
        Assert.Equal("Message undeliverable", failed.Text("deliveryErrorTitle"));

        JsonElement update;
        do
        {
            update = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        while (update.Delivery() != "failed");
        Assert.Equal("131026", update.Text("deliveryErrorCode"));

        // The agent who sent it is told.
        var notifications = await agent.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true");
        var notice = Assert.Single(notifications.EnumerateArray(), n => n.Text("kind") == "delivery_failed");
        Assert.Equal(conversation, notice.GetProperty("conversationId").GetGuid());
    }

    [Fact]
    public async Task Transient_errors_are_retried_and_the_message_is_delivered_exactly_once()
    {
        var (_, agent, conversation, customer) = await ConversationAsync("Retry");
        Meta.FailNext((500, FakeMetaGraphApi.Error(131000, "Something went wrong")), (503, "Service Unavailable"));

        using (var send = await Channels.SendTextAsync(agent, conversation, "Retry me"))
        {
            send.EnsureSuccessStatusCode();
        }

        await SentAsync(agent, conversation, "sent");
        var attempts = Meta.Requests.Where(r => r.Body.Contains(customer, StringComparison.Ordinal)).ToList();
        Assert.Equal([500, 503, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM outbox WHERE conversation_id = @c", ("c", conversation)));
    }

    [Fact]
    public async Task Permanent_error_fails_the_message_at_once_with_the_provider_code()
    {
        var (_, agent, conversation, customer) = await ConversationAsync("Permanent");
        Meta.FailNext((400, FakeMetaGraphApi.Error(131047, "Re-engagement message")));

        using (var send = await Channels.SendTextAsync(agent, conversation, "Too late"))
        {
            send.EnsureSuccessStatusCode();
        }

        var failed = await SentAsync(agent, conversation, "failed");
        Assert.Equal("131047", failed.Text("deliveryErrorCode"));
        Assert.Single(Meta.Requests, r => r.Body.Contains(customer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retried_send_request_with_the_same_client_id_is_sent_once()
    {
        var (_, agent, conversation, customer) = await ConversationAsync("Idempotent send");
        var clientMessageId = Guid.NewGuid();

        using var first = await Channels.SendTextAsync(agent, conversation, "Once", clientMessageId);
        using var second = await Channels.SendTextAsync(agent, conversation, "Once", clientMessageId);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(clientMessageId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        await SentAsync(agent, conversation, "sent");
        Assert.Single(Meta.Requests, r => r.Body.Contains(customer, StringComparison.Ordinal));
        Assert.Equal(2, (await Transcript.ReadAsync(agent, conversation)).Count);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_only_a_template_is_accepted()
    {
        var tenant = await App.CreateTenantAsync("Window");
        var agent = await App.ClientOfAsync(tenant);
        await Channels.ConnectMetaAsync(agent, tenant);
        await App.CustomerWritesAsync(tenant, "5215550001", "wamid.old", "Hace dos días", DateTimeOffset.UtcNow.AddHours(-25));
        var conversation = ConversationIds.For(tenant.BusinessId, "5215550001");

        using var text = await Channels.SendTextAsync(agent, conversation, "¿Sigues ahí?");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        var problem = await text.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("template", out _));

        using var template = await agent.PostAsJsonAsync("/api/messages", new
        {
            conversationId = conversation,
            template = new { name = "appointment_reminder", language = "es", parameters = new[] { "Ana", "mañana" } },
        });
        Assert.Equal(HttpStatusCode.Created, template.StatusCode);
        await SentAsync(agent, conversation, "sent");
        using var body = JsonDocument.Parse(Assert.Single(Meta.Requests, r => r.Body.Contains("5215550001", StringComparison.Ordinal)).Body);
        Assert.Equal("template", body.RootElement.Text("type"));
        Assert.Equal("appointment_reminder", body.RootElement.GetProperty("template").Text("name"));
        Assert.Equal("mañana", body.RootElement.GetProperty("template").GetProperty("components")[0].GetProperty("parameters")[1].Text("text"));
    }

    [Fact]
    public async Task Without_credentials_replies_go_to_the_local_outbox()
    {
        var (_, agent, conversation, customer) = await ConversationAsync("Offline", connected: false);

        using (var send = await Channels.SendTextAsync(agent, conversation, "Local reply"))
        {
            send.EnsureSuccessStatusCode();
        }

        await SentAsync(agent, conversation, "sent");
        var outbox = await agent.GetFromJsonAsync<JsonElement>("/api/outbox");
        var delivery = Assert.Single(outbox.EnumerateArray());
        Assert.Equal("Local reply", delivery.Text("body"));
        Assert.Equal(customer, delivery.Text("recipient"));
        Assert.DoesNotContain(Meta.Requests, r => r.Body.Contains(customer, StringComparison.Ordinal));
    }
}
