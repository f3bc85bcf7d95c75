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

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
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

        return connectionString;
    }
}
