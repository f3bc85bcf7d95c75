using System.Globalization;

namespace Conversations.LoadBenchmark;

/// <summary>The benchmark's command line: <c>--name value</c> pairs, every one optional but the database.</summary>
public sealed record BenchOptions
{
    /// <summary>The product's database: tenants are provisioned in it and its counters read from it.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>A running product to drive; when absent the benchmark starts <see cref="ProductDll"/> itself.</summary>
    public Uri? Url => Urls.Count > 0 ? Urls[0] : null;

    /// <summary>Running frontends (comma-separated <c>--url</c>): webhooks and agents are spread over all of them.</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    public string? ProductDll { get; init; }

    /// <summary>pgbench and psql live here (e.g. /usr/lib/postgresql/15/bin); without it, no pgbench reference.</summary>
    public string? PostgresBin { get; init; }

    /// <summary>The server's data directory: with it, PostgreSQL is restarted under load at the end of the run ("" skips).</summary>
    public string? PostgresData { get; init; }

    public int Businesses { get; init; } = 4;

    public int CustomersPerBusiness { get; init; } = 250;

    public int AgentsPerBusiness { get; init; } = 2;

    /// <summary>Open-loop messages per second; 0 means 60% of the measured saturation throughput.</summary>
    public int Rate { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests in flight in the closed-loop saturation runs (product, trivial endpoint) and pgbench clients.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Whether the product runs its (offline) assistant, which then answers every customer message.</summary>
    public bool Assistant { get; init; }

    /// <summary>New conversations activated to measure memory per grain; 0 skips it.</summary>
    public int Grains { get; init; } = 20_000;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Text(string name) => values.Remove(name, out var value) ? value : null;
        int Number(string name, int fallback) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Seconds(string name, TimeSpan fallback) =>
            Text(name) is { } v ? TimeSpan.FromSeconds(double.Parse(v, CultureInfo.InvariantCulture)) : fallback;

        var defaults = new BenchOptions { ConnectionString = "" };
        var options = new BenchOptions
        {
            ConnectionString = Text("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                ?? throw new ArgumentException("--connection (or ConnectionStrings__Postgres) names the product's database."),
            Urls = Text("url") is { } url ? url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList() : [],
            ProductDll = Text("product"),
            PostgresBin = Text("pg-bin"),
            PostgresData = Text("pg-data") is { Length: > 0 } data ? data : null,
            Businesses = Number("businesses", defaults.Businesses),
            CustomersPerBusiness = Number("customers", defaults.CustomersPerBusiness),
            AgentsPerBusiness = Number("agents", defaults.AgentsPerBusiness),
            Rate = Number("rate", defaults.Rate),
            Duration = Seconds("duration", defaults.Duration),
            Warmup = Seconds("warmup", defaults.Warmup),
            Concurrency = Number("concurrency", defaults.Concurrency),
            Grains = Number("grains", defaults.Grains),
            Assistant = Text("assistant") is { } assistant && bool.Parse(assistant),
        };

        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        }

        if (options.Url is null && options.ProductDll is null)
        {
            throw new ArgumentException("Give --url of a running product or --product path/to/Conversations.WebFrontend.dll.");
        }

        return options;
    }
}
