using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests.Bookings;

/// <summary>
/// Its own app and database for the customers, services and bookings tests, so they run alongside the
/// other collections; with helpers to make the records a test needs.
/// </summary>
public sealed class RecordsFixture : IAsyncLifetime
{
    private readonly AppFixture app = new();

    public ConversationsApp App => app.App;

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    public async Task<(TestTenant Tenant, HttpClient Owner)> NewTenantAsync(string? timeZone = null)
    {
        var tenant = await App.CreateTenantAsync("Records");
        if (timeZone is not null)
        {
            await ExecuteAsync("UPDATE businesses SET time_zone = @v WHERE id = @b", ("v", timeZone), ("b", tenant.BusinessId));
        }

        return (tenant, await App.ClientOfAsync(tenant));
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = app.Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) => app.Database.ScalarAsync<T>(sql, parameters);

    /// <summary>An active agent of the business, straight into the table (no invitation needed for booking rules).</summary>
    public async Task<Guid> AddStaffAsync(TestTenant tenant, string name)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            "INSERT INTO employees (id, business_id, email, display_name, role, password_hash, status) VALUES (@id, @b, @email, @name, 'agent', 'x', 'active')",
            ("id", id), ("b", tenant.BusinessId), ("email", $"staff-{id:N}@example.test"), ("name", name));
        return id;
    }

    public static async Task<Guid> CreateServiceAsync(HttpClient owner, int duration = 60, int buffer = 0, Guid[]? staff = null, object[]? hours = null)
    {
        using var response = await owner.PostAsJsonAsync("/api/services", new
        {
            name = $"Service {Guid.NewGuid():N}"[..20],
            priceMinor = 4500,
            currency = "EUR",
            durationMinutes = duration,
            bufferMinutes = buffer,
            employeeIds = staff ?? [],
            weeklyHours = hours ?? [],
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.BodyAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateCustomerAsync(HttpClient owner, string name = "Ana", string? phone = null)
    {
        using var response = await owner.PostAsJsonAsync("/api/customers", new { name, phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.BodyAsync()).GetProperty("id").GetGuid();
    }

    public static string At(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class RecordsCollection : ICollectionFixture<RecordsFixture>
{
    public const string Name = "records";
}
