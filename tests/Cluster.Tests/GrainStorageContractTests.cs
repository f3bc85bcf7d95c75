using Conversations.Cluster.Tests.Grains;
using Conversations.Cluster.Tests.Infrastructure;
using Orleans.Storage;

namespace Conversations.Cluster.Tests;

/// <summary>The ADO.NET grain storage "conversations" against our orleans_grain_state table and queries.</summary>
public sealed class GrainStorageContractTests(SingleSiloFixture fixture) : IClassFixture<SingleSiloFixture>
{
    [Fact]
    public async Task Written_state_is_read_back_after_reactivation()
    {
        var key = NewKey();
        var probe = Probe(key);

        await probe.WriteAsync("first visit");
        var written = await probe.ReadAsync();
        await probe.DeactivateAsync();
        var reread = await probe.ReadAsync();

        Assert.NotEqual(written.ActivationId, reread.ActivationId);
        Assert.Equal("first visit", reread.Text);
        Assert.True(reread.RecordExists);
        Assert.Equal(written.ETag, reread.ETag);
        Assert.Equal(1L, await RowCountAsync(key));
    }

    [Fact]
    public async Task Cleared_state_reads_back_as_default_and_can_be_written_again()
    {
        var key = NewKey();
        var probe = Probe(key);
        await probe.WriteAsync("to be forgotten");

        await probe.ClearAsync();
        await probe.DeactivateAsync();
        var cleared = await probe.ReadAsync();

        Assert.Null(cleared.Text);
        Assert.False(cleared.RecordExists);

        await probe.WriteAsync("remembered again");
        await probe.DeactivateAsync();
        var rewritten = await probe.ReadAsync();

        Assert.Equal("remembered again", rewritten.Text);
        Assert.True(rewritten.RecordExists);
        Assert.Equal(1L, await RowCountAsync(key));
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_rejected()
    {
        var key = NewKey();
        var probe = Probe(key);
        await probe.WriteAsync("mine");

        // Another writer (a duplicate activation, an operator) moves the row on behind the grain's back.
        var changed = await fixture.Database.ScalarAsync<long>(
            """
            WITH changed AS (
                UPDATE orleans_grain_state SET version = version + 1
                WHERE service_id = @service AND grain_id_extension = @key
                RETURNING 1)
            SELECT count(*) FROM changed
            """,
            ("service", fixture.Cluster.ServiceId), ("key", key));
        Assert.Equal(1L, changed);

        await Assert.ThrowsAsync<InconsistentStateException>(() => probe.WriteAsync("stale"));

        await probe.DeactivateAsync();
        Assert.Equal("mine", (await probe.ReadAsync()).Text);
    }

    private static string NewKey() => $"probe-{Guid.NewGuid():N}";

    private IStorageProbeGrain Probe(string key) => fixture.Silo.Grains.GetGrain<IStorageProbeGrain>(key);

    private Task<long> RowCountAsync(string key) =>
        fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE service_id = @service AND grain_id_extension = @key",
            ("service", fixture.Cluster.ServiceId), ("key", key));
}
