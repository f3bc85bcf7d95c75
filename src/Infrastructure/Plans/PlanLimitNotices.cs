using Conversations.Grains.Workspace;
using Conversations.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Conversations.Infrastructure.Plans;

/// <summary>
/// Tells the business's owners (notification kind <c>plan_limit</c>) when 80 % and when 100 % of a plan limit is
/// used: once per calendar month, limit and threshold, whichever node sees it first (the row decides).
/// </summary>
public sealed partial class PlanLimitNotices(TenantDatabase database, IEmployeeNotifier notifier, TimeProvider time, ILogger<PlanLimitNotices> logger)
{
    public const string Kind = "plan_limit";

    private static readonly int[] Thresholds = [80, 100];

    /// <param name="what">How people call the limit: "AI conversations this month", "agents".</param>
    public async Task NoteAsync(Guid businessId, string limit, string what, Plan plan, long used, int allowed, CancellationToken cancellationToken)
    {
        if (allowed <= 0)
        {
            return;
        }

        var month = PlanMonths.Of(time.GetUtcNow());
        foreach (var threshold in Thresholds.Where(t => used * 100 >= (long)t * allowed))
        {
            await using var connection = await database.OpenAsync(businessId, cancellationToken);
            await using (var claim = new NpgsqlCommand(
                """
                INSERT INTO plan_limit_notices (business_id, month, limit_name, threshold, notified_at) VALUES (@b, @month, @limit, @threshold, @now)
                ON CONFLICT DO NOTHING
                """, connection))
            {
                claim.Parameters.AddWithValue("b", businessId);
                claim.Parameters.AddWithValue("month", month);
                claim.Parameters.AddWithValue("limit", limit);
                claim.Parameters.AddWithValue("threshold", threshold);
                claim.Parameters.AddWithValue("now", time.GetUtcNow());
                if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    continue;
                }
            }

            // Not held while the owners are read and told on connections of their own.
            await connection.DisposeAsync();
            var title = threshold >= 100
                ? $"Your {plan.Name} plan's limit is reached: {used} of {allowed} {what}. Upgrade the plan for more."
                : $"{threshold} % of your {plan.Name} plan's {what} used: {used} of {allowed}.";
            foreach (var owner in await OwnersAsync(businessId, cancellationToken))
            {
                await notifier.NotifyAsync(businessId, owner, Kind, title, null, cancellationToken);
            }

            LogNoticed(logger, businessId, limit, threshold);
        }
    }

    private async Task<IReadOnlyList<Guid>> OwnersAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id FROM employees WHERE business_id = @b AND role = 'owner' AND status = 'active'", connection);
        command.Parameters.AddWithValue("b", businessId);
        var owners = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners.Add(reader.GetGuid(0));
        }

        return owners;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Business {BusinessId} reached {Threshold} % of its plan's {Limit}; owners notified")]
    private static partial void LogNoticed(ILogger logger, Guid businessId, string limit, int threshold);
}
