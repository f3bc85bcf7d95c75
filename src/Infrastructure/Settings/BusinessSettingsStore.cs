using Conversations.Infrastructure.Assistant;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Services;
using Npgsql;
using NpgsqlTypes;

namespace Conversations.Infrastructure.Settings;

/// <summary>
/// A business's settings as one document: its row in <c>businesses</c>, its own opening hours and its assistant
/// settings. An update reads, decides and writes in one transaction holding the business's row, so two owners
/// saving at once are applied one after the other and each change is recorded against what it really replaced.
/// </summary>
public sealed class BusinessSettingsStore(TenantDatabase database, AssistantSettingsStore assistant)
{
    public async Task<BusinessSettings> ReadAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        return await ReadAsync(connection, null, businessId, forUpdate: false, cancellationToken);
    }

    /// <summary>
    /// Applies what <paramref name="decide"/> makes of the current settings (null: refused, nothing is written) and
    /// returns the settings before and after.
    /// </summary>
    public async Task<BusinessSettingsUpdate> UpdateAsync(
        Guid businessId, Guid employeeId, Func<BusinessSettings, BusinessSettingsChange?> decide, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadAsync(connection, transaction, businessId, forUpdate: true, cancellationToken);
        var change = decide(before);
        if (change is null)
        {
            return new BusinessSettingsUpdate(BusinessSettingsOutcome.Refused, before, null);
        }

        // The logo's row is held until commit, so it cannot be deleted between this check and the write.
        if (change.LogoMediaId is { } logo && logo != before.LogoMediaId)
        {
            await using var check = new NpgsqlCommand(
                "SELECT 1 FROM media_files WHERE id = @id AND business_id = @b FOR KEY SHARE", connection, transaction);
            check.Parameters.AddWithValue("id", logo);
            check.Parameters.AddWithValue("b", businessId);
            if (await check.ExecuteScalarAsync(cancellationToken) is null)
            {
                return new BusinessSettingsUpdate(BusinessSettingsOutcome.LogoNotFound, before, null);
            }
        }

        await using (var command = new NpgsqlCommand(
            """
            UPDATE businesses
               SET name = @name, time_zone = @zone, language = @language, away_message = @away,
                   logo_media_id = @logo, primary_color = @primary, accent_color = @accent
             WHERE id = @b
            """,
            connection, transaction))
        {
            command.Parameters.AddWithValue("b", businessId);
            command.Parameters.AddWithValue("name", change.Name);
            command.Parameters.AddWithValue("zone", change.TimeZone);
            command.Parameters.AddWithValue("language", change.Language);
            command.Parameters.Add(new NpgsqlParameter("away", NpgsqlDbType.Text) { Value = (object?)change.AwayMessage ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("logo", NpgsqlDbType.Uuid) { Value = (object?)change.LogoMediaId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("primary", NpgsqlDbType.Text) { Value = (object?)change.PrimaryColor ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("accent", NpgsqlDbType.Text) { Value = (object?)change.AccentColor ?? DBNull.Value });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (change.Hours is { } hours)
        {
            await ServiceCatalog.WriteScheduleAsync(connection, transaction, businessId, null, hours, cancellationToken);
        }

        if (change.Ai is { } ai)
        {
            await assistant.WriteAsync(connection, transaction, businessId, ai, employeeId, cancellationToken);
        }

        var after = await ReadAsync(connection, transaction, businessId, forUpdate: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BusinessSettingsUpdate(BusinessSettingsOutcome.Updated, before, after);
    }

    private async Task<BusinessSettings> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid businessId, bool forUpdate, CancellationToken cancellationToken)
    {
        string name, zone, language;
        string? away, primary, accent;
        Guid? logo;
        await using (var command = new NpgsqlCommand(
            $"""
             SELECT name, time_zone, language, away_message, logo_media_id, primary_color, accent_color
               FROM businesses WHERE id = @b {(forUpdate ? "FOR NO KEY UPDATE" : "")}
             """,
            connection, transaction))
        {
            command.Parameters.AddWithValue("b", businessId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"Business {businessId} does not exist.");
            }

            (name, zone, language) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            away = reader.IsDBNull(3) ? null : reader.GetString(3);
            logo = reader.IsDBNull(4) ? null : reader.GetGuid(4);
            primary = reader.IsDBNull(5) ? null : reader.GetString(5);
            accent = reader.IsDBNull(6) ? null : reader.GetString(6);
        }

        var hours = await ServiceCatalog.ReadScheduleAsync(connection, businessId, null, cancellationToken);
        var ai = await assistant.GetAsync(connection, transaction, businessId, cancellationToken);
        return new BusinessSettings(name, zone, language, hours, away, ai, logo, primary, accent);
    }
}
