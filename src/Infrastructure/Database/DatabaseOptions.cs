using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Conversations.Infrastructure.Database;

/// <summary>The one PostgreSQL database that holds the cluster, grain state and every table.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Postgres";

    public string ConnectionString { get; set; } = "";

    /// <summary>Reads <c>ConnectionStrings:Postgres</c>, failing start-up with a message that says how to set it.</summary>
    public static string ReadConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No PostgreSQL connection string is configured. Set ConnectionStrings:Postgres in appsettings.json " +
                "or the environment variable ConnectionStrings__Postgres, e.g. " +
                "'Host=127.0.0.1;Port=5432;Username=postgres;Database=conversations'. " +
                "'./conversations up' provisions a private server under .data/ when none is set.");
        }

        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host) || string.IsNullOrWhiteSpace(parsed.Database))
            {
                throw new ArgumentException("Host and Database are required.");
            }
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:Postgres is not a valid PostgreSQL connection string: {exception.Message}", exception);
        }

        return WithPoolDefaults(parsed, new DbConnectionStringBuilder { ConnectionString = connectionString });
    }

    /// <summary>The connections each pool of a node may hold, unless the connection string says otherwise.</summary>
    public const int DefaultPoolSize = 25;

    /// <summary>
    /// A node has four pools (Orleans' providers, the owner's, the tenants' and the system scope's), so Npgsql's
    /// default of 100 each would let a burst (a thousand assistant turns at once) open more connections than
    /// PostgreSQL's default limit of 100 for the whole cluster; waiting for a pooled connection is cheaper than
    /// opening one. A new connection also skips the GSS encryption attempt unless asked for: on a server without
    /// Kerberos it is a wasted handshake on every open.
    /// </summary>
    private static string WithPoolDefaults(NpgsqlConnectionStringBuilder builder, DbConnectionStringBuilder given)
    {
        bool Names(params string[] keywords) => keywords.Any(given.ContainsKey);
        if (!Names("Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultPoolSize;
        }

        if (!Names("GSS Encryption Mode", "GssEncryptionMode"))
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }

        return builder.ConnectionString;
    }
}
