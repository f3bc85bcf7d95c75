using System.Diagnostics;
using Conversations.Cluster.Tests.Grains;
using Conversations.Cluster.Tests.Infrastructure;
using Conversations.TestSupport;
using Xunit.Abstractions;

namespace Conversations.Cluster.Tests;

/// <summary>Reminders through the ADO.NET reminder table on PostgreSQL (orleans_reminders).</summary>
public sealed class ReminderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private ClusterSettings cluster = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        cluster = ClusterSettings.ForNewCluster(database.ConnectionString);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Reminder_registered_before_a_restart_fires_on_the_new_host()
    {
        const string reminder = "follow-up";
        var dueTime = TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();

        await using (var first = await InProcessSilo.StartAsync(cluster, FastReminders))
        {
            var probe = first.Grains.GetGrain<IReminderProbeGrain>("restart");
            await probe.StartAsync(reminder, dueTime, TimeSpan.FromSeconds(2));
            var row = Assert.Single(await ReminderTable.ReadAsync(database, cluster.ServiceId));
            Assert.Equal((probe.GetGrainId().ToString(), reminder), (row.GrainId, row.ReminderName));
            await first.StopAsync();
        }

        // Only meaningful if the first host never had the chance to deliver the first tick.
        output.WriteLine($"The first host started, registered and stopped in {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(
            clock.Elapsed < dueTime,
            $"The first host took {clock.Elapsed.TotalSeconds:0.0} s to stop; the reminder was due after {dueTime.TotalSeconds} s.");

        await using var second = await InProcessSilo.StartAsync(cluster, FastReminders);
        var restarted = second.Grains.GetGrain<IReminderProbeGrain>("restart");
        var ticks = await Eventually.ReturnsAsync(
            "the reminder to fire on the new host", TimeSpan.FromSeconds(30), restarted.GetTicksAsync, ticks => ticks.Length > 0);

        Assert.All(ticks, tick =>
        {
            Assert.Equal(reminder, tick.ReminderName);
            Assert.Equal(second.Address.ToParsableString(), tick.SiloAddress);
        });
    }

    [Fact]
    public async Task Registered_reminder_is_one_row_until_it_is_unregistered()
    {
        await using var silo = await InProcessSilo.StartAsync(cluster, FastReminders);
        var probe = silo.Grains.GetGrain<IReminderProbeGrain>("register-update-unregister");

        await probe.StartAsync("nightly", TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));
        var registered = Assert.Single(await ReminderTable.ReadAsync(database, cluster.ServiceId));
        Assert.Equal(probe.GetGrainId().ToString(), registered.GrainId);
        Assert.Equal("nightly", registered.ReminderName);
        Assert.Equal(TimeSpan.FromHours(1).TotalMilliseconds, registered.PeriodMs);
        Assert.InRange(registered.StartTime, DateTime.UtcNow.AddMinutes(29), DateTime.UtcNow.AddMinutes(31));

        // Registering again under the same name updates the row in place.
        await probe.StartAsync("nightly", TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
        var updated = Assert.Single(await ReminderTable.ReadAsync(database, cluster.ServiceId));
        Assert.Equal(TimeSpan.FromHours(2).TotalMilliseconds, updated.PeriodMs);

        await probe.StopAsync("nightly");
        Assert.Empty(await ReminderTable.ReadAsync(database, cluster.ServiceId));
    }

    private static void FastReminders(ISiloBuilder silo) =>
        silo.Configure<ReminderOptions>(options =>
        {
            options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);

            // A starting silo first reads its reminders after a random delay of up to this period
            // (capped at 30 s), so keep it short for the restarted host.
            options.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
        });
}
