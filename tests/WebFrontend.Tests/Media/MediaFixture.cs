using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Media;

/// <summary>The app with a small upload limit and a quick sweep of deleted files, on its own database and media folder.</summary>
public sealed class MediaFixture : IAsyncLifetime
{
    public const int MaxUploadBytes = 64 * 1024;

    public TestDatabase Database { get; private set; } = null!;

    public ConversationsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        App = new ConversationsApp(Database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["Conversations:Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Conversations:Media:RemovalInterval"] = "00:00:01",
        });
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "media";
}
