using System.Net.Http.Headers;

namespace Conversations.WebFrontend.Tests.Analytics;

/// <summary>
/// Its own app and database for the analytics tests, so the figures they assert are only their tenants' and
/// they run alongside the other collections; with helpers that write history rows at exact times.
/// </summary>
public sealed class AnalyticsFixture : IAsyncLifetime
{
    private readonly AppFixture app = new();

    public ConversationsApp App => app.App;

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    public async Task<(TestTenant Tenant, HttpClient Owner)> NewTenantAsync(string name, string timeZone = "UTC")
    {
        var tenant = await App.CreateTenantAsync(name);
        await ExecuteAsync("UPDATE businesses SET time_zone = @v WHERE id = @b", ("v", timeZone), ("b", tenant.BusinessId));
        return (tenant, await App.ClientOfAsync(tenant));
    }

    public HttpClient ClientWith(string accessToken)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = app.Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) => app.Database.ScalarAsync<T>(sql, parameters);
}
