using Conversations.Infrastructure.Channels;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.PromptTemplates;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Conversations.Infrastructure.Accounts;

/// <summary>Creates a business with its owner, services, channel and default prompt templates in one transaction.</summary>
public sealed class BusinessProvisioning(
    TenantDatabase database,
    IPasswordHasher<EmployeeAccount> passwords,
    ChannelSecretProtector secrets,
    WhatsAppChannelDirectory directory,
    ChannelSettingsStore channels,
    PromptTemplateStore prompts)
{
    /// <returns>The owner's employee id.</returns>
    public async Task<Guid> CreateAsync(NewBusiness business, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);

        batch.BatchCommands.Add(Command(
            "INSERT INTO businesses (id, name, time_zone) VALUES (@id, @name, @zone)",
            ("id", business.Id), ("name", business.Name), ("zone", business.TimeZone)));

        // The assistant's prompt for every flow state, so a new business never runs on an unseeded state.
        batch.BatchCommands.Add(prompts.DefaultsCommand(business.Id));

        var ownerId = Guid.CreateVersion7();
        var owner = business.Owner;
        var hash = passwords.HashPassword(
            new EmployeeAccount(ownerId, business.Id, owner.Email, owner.DisplayName, EmployeeRoles.Owner, "", true),
            owner.Password);
        batch.BatchCommands.Add(Command(
            """
            INSERT INTO employees (id, business_id, email, display_name, role, password_hash, email_verified)
            VALUES (@id, @business, @email, @name, @role, @hash, @verified)
            """,
            ("id", ownerId), ("business", business.Id), ("email", owner.Email.Trim()),
            ("name", owner.DisplayName), ("role", EmployeeRoles.Owner), ("hash", hash), ("verified", owner.EmailVerified)));

        foreach (var service in business.Services)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO services (id, business_id, name, description, price_minor, currency, duration_minutes)
                VALUES (@id, @business, @name, @description, @price, @currency, @duration)
                """,
                ("id", Guid.CreateVersion7()), ("business", business.Id), ("name", service.Name),
                ("description", service.Description), ("price", service.PriceMinor),
                ("currency", service.Currency), ("duration", service.DurationMinutes)));
        }

        if (business.Channel is { } channel)
        {
            batch.BatchCommands.Add(Command(
                """
                INSERT INTO whatsapp_channels (id, business_id, provider, phone_number_id, display_phone_number, verify_token, protected_secrets)
                VALUES (@id, @business, 'meta', @phone, @display, @verify, @secrets)
                """,
                ("id", Guid.CreateVersion7()), ("business", business.Id), ("phone", channel.PhoneNumberId),
                ("display", channel.DisplayPhoneNumber), ("verify", channel.VerifyToken),
                ("secrets", secrets.Protect(new ChannelSecrets(channel.AccessToken, channel.AppSecret)))));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ownerId;
    }

    /// <summary>Like <see cref="CreateAsync"/>, but <c>null</c> instead of an error when the owner's e-mail is taken.</summary>
    public async Task<Guid?> TryCreateAsync(NewBusiness business, CancellationToken cancellationToken)
    {
        try
        {
            return await CreateAsync(business, cancellationToken);
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ux_employees_email" })
        {
            return null;
        }
    }

    /// <summary>The business's name, or <c>null</c> when there is no such business.</summary>
    public async Task<string?> FindNameAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT name FROM businesses WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", businessId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Whether a business with this id exists.</summary>
    public async Task<bool> ExistsAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM businesses WHERE id = @id)", connection);
        command.Parameters.AddWithValue("id", businessId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Sets an employee's password, found by e-mail.</summary>
    public async Task SetPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var hash = passwords.HashPassword(new EmployeeAccount(Guid.Empty, Guid.Empty, email, "", "", "", true), password);
        await using var connection = await database.OpenSystemAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE employees SET password_hash = @hash WHERE lower(email) = lower(@email)", connection);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("email", email);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets the app secret of one of the business's Meta numbers, keeping its other settings.</summary>
    public async Task SetAppSecretAsync(Guid businessId, string phoneNumberId, string appSecret, CancellationToken cancellationToken)
    {
        var channel = await directory.FindByAddressAsync(phoneNumberId, cancellationToken);
        if (channel is null || channel.BusinessId != businessId)
        {
            return;
        }

        await channels.SaveAsync(
            businessId,
            new ChannelRegistration(
                channel.Provider, channel.Address, channel.DisplayPhoneNumber, channel.BusinessAccountId, channel.VerifyToken,
                channel.TwilioAccountSid, channel.MessagingServiceSid, new ChannelSecrets(AppSecret: appSecret)),
            cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
