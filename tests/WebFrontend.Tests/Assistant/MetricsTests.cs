using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Assistant;

/// <summary>The Prometheus endpoint exposes our meters (and ASP.NET Core's, Orleans') once there is traffic.</summary>
[Collection(AssistantCollection.Name)]
public sealed class MetricsTests(AssistantFixture fixture)
{
    [Fact]
    public async Task After_traffic_the_metrics_endpoint_exposes_messages_assistant_latency_and_webhook_rejections()
    {
        var (tenant, owner) = await fixture.OpenBusinessAsync("Measured");
        var conversation = await fixture.CustomerWritesAsync(tenant, AssistantFixture.NewCustomer(), "Hello");
        await AssistantFixture.AssistantRepliesAsync(owner, conversation, 1);
        using (var forged = await fixture.App.PostWebhookAsync(MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34600000000", "wamid.forged", "x", null, 0)), "wrong secret"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var fromElsewhere = fixture.App.CreateClient();
        fromElsewhere.DefaultRequestHeaders.Add(TestClientAddress.Header, "10.20.30.40");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await fromElsewhere.GetAsync("/metrics")).StatusCode);
        var local = fixture.App.CreateClient();
        local.DefaultRequestHeaders.Add(TestClientAddress.Header, "127.0.0.1");
        var text = await Eventually.GetAsync(
            () => local.GetStringAsync("/metrics"),
            metrics => metrics.Contains("conversations_assistant_reply_duration_seconds_count", StringComparison.Ordinal)
                       && metrics.Contains("conversations_messages_sent_total", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "our meters in /metrics");
        Assert.True(Has(text, "conversations_messages_received_total", "channel=\"meta\""), text);
        Assert.True(Has(text, "conversations_messages_sent_total", "sender=\"assistant\""), text);
        Assert.True(Has(text, "conversations_webhooks_rejected_total", "outcome=\"unauthorized\""), text);
        Assert.Contains("conversations_outbox_depth", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
    }

    /// <summary>A sample of the metric with that label (labels come in any order, after the scope's).</summary>
    private static bool Has(string text, string metric, string label) =>
        text.Split('\n').Any(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal));
}
