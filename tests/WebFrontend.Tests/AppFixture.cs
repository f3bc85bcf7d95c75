using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests;

/// <summary>One running app on one database, shared by a collection; each test makes its own tenants.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ConversationsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        App = new ConversationsApp(Database.ConnectionString);
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    public Task<long> CountMessagesAsync(Guid businessId) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE business_id = @b", ("b", businessId));
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>A second app for tests that move its wall clock, so no other test sees time jump.</summary>
[CollectionDefinition(Name)]
public sealed class ClockCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "clock";
}
