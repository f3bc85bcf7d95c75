using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;

namespace Conversations.Unit.Tests;

public sealed class ConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Missing_connection_string_says_how_to_set_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.ReadConnectionString(Config()));
        Assert.Contains("ConnectionStrings__Postgres", error.Message);
    }

    [Fact]
    public void Each_pool_is_capped_and_skips_gss_unless_the_connection_string_says_otherwise()
    {
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(
            DatabaseOptions.ReadConnectionString(Config(("ConnectionStrings:Postgres", "Host=127.0.0.1;Database=conversations"))));
        Assert.Equal(DatabaseOptions.DefaultPoolSize, defaults.MaxPoolSize);
        Assert.Equal(Npgsql.GssEncryptionMode.Disable, defaults.GssEncryptionMode);

        var chosen = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseOptions.ReadConnectionString(
            Config(("ConnectionStrings:Postgres", "Host=db;Database=conversations;Maximum Pool Size=7;GSS Encryption Mode=Prefer"))));
        Assert.Equal(7, chosen.MaxPoolSize);
        Assert.Equal(Npgsql.GssEncryptionMode.Prefer, chosen.GssEncryptionMode);
    }

    [Fact]
    public void Connection_string_without_a_database_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.ReadConnectionString(Config(("ConnectionStrings:Postgres", "Host=127.0.0.1"))));
        Assert.Contains("not a valid PostgreSQL connection string", error.Message);
    }

    [Theory]
    [InlineData("SiloPort", "70000", "Conversations:Cluster:SiloPort")]
    [InlineData("AdvertisedAddress", "not-an-ip", "Conversations:Cluster:AdvertisedAddress")]
    [InlineData("GatewayPort", "11111", "Conversations:Cluster:SiloPort,GatewayPort")]
    [InlineData("ProbeTimeout", "00:05:00", "Conversations:Cluster:ProbeTimeout")]
    [InlineData("NumMissedProbesLimit", "0", "Conversations:Cluster:NumMissedProbesLimit")]
    [InlineData("DeathVoteExpirationTimeout", "00:00:00", "Conversations:Cluster:DeathVoteExpirationTimeout")]
    public void Cluster_settings_are_validated_with_the_key_at_fault(string key, string value, string reported)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ValidatedConfiguration.Read<ClusterHostingOptions>(
            Config(($"Conversations:Cluster:{key}", value)), ClusterHostingOptions.Section));
        Assert.Contains(reported, error.Message);
    }

    [Fact]
    public void Membership_tuning_is_left_to_Orleans_unless_set()
    {
        var unset = ValidatedConfiguration.Read<ClusterHostingOptions>(Config(), ClusterHostingOptions.Section);
        Assert.Null(unset.ProbeTimeout);
        Assert.Null(unset.NumMissedProbesLimit);
        Assert.Null(unset.DeathVoteExpirationTimeout);

        var set = ValidatedConfiguration.Read<ClusterHostingOptions>(
            Config(("Conversations:Cluster:ProbeTimeout", "00:00:02"), ("Conversations:Cluster:NumMissedProbesLimit", "2")),
            ClusterHostingOptions.Section);
        Assert.Equal(TimeSpan.FromSeconds(2), set.ProbeTimeout);
        Assert.Equal(2, set.NumMissedProbesLimit);
    }

    [Fact]
    public void Migrations_are_numbered_uniquely_and_in_order()
    {
        var versions = DatabaseMigrator.Migrations.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }
}
