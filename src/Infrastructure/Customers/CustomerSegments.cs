using Conversations.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Customers;

/// <summary>A business's saved customer filters.</summary>
public sealed class CustomerSegments(TenantDatabase database)
{
    private const string Columns = "id, name, search, tag, vip, created_at, updated_at";

    public async Task<IReadOnlyList<CustomerSegment>> ListAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM customer_segments WHERE business_id = @b ORDER BY name, id", connection);
        command.Parameters.AddWithValue("b", businessId);
        var list = new List<CustomerSegment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<CustomerSegment?> GetAsync(Guid businessId, Guid segmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM customer_segments WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", segmentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<CustomerSegment> CreateAsync(Guid businessId, string name, CustomerFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO customer_segments (id, business_id, name, search, tag, vip, created_at, updated_at) VALUES (@id, @b, @name, @search, @tag, @vip, @now, @now)", connection);
        Bind(command, businessId, id, name, filter, now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await GetAsync(businessId, id, cancellationToken))!;
    }

    public async Task<CustomerSegment?> UpdateAsync(Guid businessId, Guid segmentId, string name, CustomerFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE customer_segments SET name = @name, search = @search, tag = @tag, vip = @vip, updated_at = @now WHERE business_id = @b AND id = @id", connection);
        Bind(command, businessId, segmentId, name, filter, now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 0 ? null : await GetAsync(businessId, segmentId, cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid businessId, Guid segmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM customer_segments WHERE business_id = @b AND id = @id", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("id", segmentId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static void Bind(NpgsqlCommand command, Guid businessId, Guid id, string name, CustomerFilter filter, DateTimeOffset now)
    {
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.Add(new NpgsqlParameter("search", NpgsqlDbType.Text) { Value = (object?)filter.Search ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("tag", NpgsqlDbType.Text) { Value = (object?)filter.Tag ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("vip", NpgsqlDbType.Boolean) { Value = (object?)filter.Vip ?? DBNull.Value });
        command.Parameters.AddWithValue("now", now);
    }

    private static CustomerSegment Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        new CustomerFilter(
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetBoolean(4)),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6));
}
