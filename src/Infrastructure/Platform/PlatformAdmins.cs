using Conversations.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Conversations.Infrastructure.Platform;

/// <summary>The platform's administrators and their passwords (ASP.NET Core Identity's hasher, as for employees).</summary>
public sealed class PlatformAdmins(TenantDatabase database, IPasswordHasher<PlatformAdmin> passwords, TimeProvider time)
{
    /// <summary>Creates an administrator unless one with that address exists; returns their id either way.</summary>
    public async Task<Guid> EnsureAsync(string email, string displayName, string password, CancellationToken cancellationToken)
    {
        if (await FindAsync(email, cancellationToken) is { } existing)
        {
            return existing.Id;
        }

        var admin = new PlatformAdmin(Guid.CreateVersion7(), email.Trim(), displayName, "");
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO platform_admins (id, email, display_name, password_hash, created_at) VALUES (@id, @email, @name, @hash, @now)
            ON CONFLICT DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("id", admin.Id);
        command.Parameters.AddWithValue("email", admin.Email);
        command.Parameters.AddWithValue("name", displayName);
        command.Parameters.AddWithValue("hash", passwords.HashPassword(admin, password));
        command.Parameters.AddWithValue("now", time.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await FindAsync(email, cancellationToken))!.Id;
    }

    /// <summary>The administrator with this address and password, or null (after the same hashing work either way).</summary>
    public async Task<PlatformAdmin?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var admin = await FindAsync(email, cancellationToken);
        var probe = admin ?? new PlatformAdmin(Guid.Empty, email, "", "");
        var hash = admin?.PasswordHash ?? passwords.HashPassword(probe, Guid.NewGuid().ToString());
        if (passwords.VerifyHashedPassword(probe, hash, password) == PasswordVerificationResult.Failed || admin is null)
        {
            return null;
        }

        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE platform_admins SET last_login_at = @now WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", admin.Id);
        command.Parameters.AddWithValue("now", time.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return admin;
    }

    public async Task<bool> ExistsAsync(Guid adminId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM platform_admins WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", adminId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task<PlatformAdmin?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, email, display_name, password_hash FROM platform_admins WHERE lower(email) = lower(@email)", connection);
        command.Parameters.AddWithValue("email", email.Trim());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PlatformAdmin(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}
