using System.Diagnostics;
using Conversations.TestSupport;

namespace Conversations.WebFrontend.Tests.Analytics;

/// <summary>
/// Its own database holding a million messages of one business (20,000 conversations over a year, in
/// Europe/Madrid) and 300,000 of a neighbour, loaded once for the scale tests and analysed as autovacuum would.
/// No app: the tests explain the reports' own SQL.
/// </summary>
public sealed class ScaleFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ScaleDataset Large { get; } = new(Guid.Parse("a0000000-0000-0000-0000-00000000000a"), "Europe/Madrid", 20_000, 50, 365, Start, 10);

    public ScaleDataset Neighbour { get; } = new(Guid.Parse("b0000000-0000-0000-0000-00000000000b"), "UTC", 6_000, 50, 365, Start, 4);

    public TestDatabase Database { get; private set; } = null!;

    public TimeSpan LoadTime { get; private set; }

    public TimeSpan AnalyseTime { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        LoadTime = await Large.LoadAsync(Database.DataSource) + await Neighbour.LoadAsync(Database.DataSource);
        var watch = Stopwatch.StartNew();
        await using (var analyse = Database.DataSource.CreateCommand(
            "VACUUM (ANALYZE) messages, conversations, conversation_assignments, conversation_status_changes, bookings, employees, services"))
        {
            analyse.CommandTimeout = 300;
            await analyse.ExecuteNonQueryAsync();
        }

        AnalyseTime = watch.Elapsed;
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
