using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Channels;

/// <summary>The app pointed at fake Meta and Twilio APIs on 127.0.0.1, with quick retries for tests.</summary>
public sealed class ChannelsFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ConversationsApp App { get; private set; } = null!;

    public FakeMetaGraphApi Meta { get; } = new();

    public FakeTwilioApi Twilio { get; } = new();

    public async Task InitializeAsync()
    {
        await Meta.StartAsync();
        await Twilio.StartAsync();
        Database = await TestDatabase.CreateAsync();
        App = new ConversationsApp(Database.ConnectionString, settings: Settings(Meta, Twilio));
        App.StartServer();
    }

    public static Dictionary<string, string> Settings(FakeMetaGraphApi meta, FakeTwilioApi twilio, string firstRetryDelay = "00:00:00.200") => new()
    {
        ["Conversations:Meta:GraphBaseUrl"] = meta.BaseUrl,
        ["Conversations:Twilio:ApiBaseUrl"] = twilio.BaseUrl,
        ["Conversations:Twilio:PublicBaseUrl"] = "https://chat.example.test",
        ["Conversations:Outbox:FirstRetryDelay"] = firstRetryDelay,
        ["Conversations:Outbox:MessagesPerSecond"] = "200",
    };

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
        await Meta.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ChannelsCollection : ICollectionFixture<ChannelsFixture>
{
    public const string Name = "channels";
}
