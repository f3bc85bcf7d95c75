using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Integrations;

/// <summary>
/// Its own app and database with webhooks on a fast clock: polled every 100 ms, retried after 200 ms doubling to
/// 800 ms, and an endpoint failing for 3 s disabled; a receiver on 127.0.0.1; API keys limited to 5 requests a minute.
/// </summary>
public sealed class WebhooksFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ConversationsApp App { get; private set; } = null!;

    public WebhookReceiver Receiver { get; } = new();

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        Database = await TestDatabase.CreateAsync();
        App = new ConversationsApp(Database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Conversations:Webhooks:PollInterval"] = "00:00:00.100",
            ["Conversations:Webhooks:Settle"] = "00:00:00.300",
            ["Conversations:Webhooks:FirstRetryDelay"] = "00:00:00.200",
            ["Conversations:Webhooks:MaxRetryDelay"] = "00:00:00.800",
            ["Conversations:Webhooks:FailureWindow"] = "00:00:03",
            ["Conversations:ApiKeys:PermitLimit"] = "5",
        });
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebhooksCollection : ICollectionFixture<WebhooksFixture>
{
    public const string Name = "webhooks";
}
