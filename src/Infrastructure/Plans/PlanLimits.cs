using Conversations.Infrastructure.Database;
using Npgsql;

namespace Conversations.Infrastructure.Plans;

/// <summary>The business's use of its plan's limits, and the refusals when a request would go beyond one.</summary>
public sealed class PlanLimits(TenantDatabase database, SubscriptionStore subscriptions, PlanLimitNotices notices, TimeProvider time)
{
    public const string Agents = "agents";
    public const string AiConversations = "aiConversationsPerMonth";

    /// <summary>Employees who hold a seat: active ones and invitations not yet accepted.</summary>
    public async Task<long> SeatsInUseAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM employees WHERE business_id = @b AND status IN ('active', 'pending')", connection);
        command.Parameters.AddWithValue("b", businessId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> AiConversationsThisMonthAsync(Guid businessId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(businessId, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM assistant_conversation_months WHERE business_id = @b AND month = @month", connection);
        command.Parameters.AddWithValue("b", businessId);
        command.Parameters.AddWithValue("month", PlanMonths.Of(time.GetUtcNow()));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Why one more employee may not be invited, or null when the plan has room.</summary>
    public async Task<PlanLimitRefusal?> RefuseSeatAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var plan = await subscriptions.EffectivePlanAsync(businessId, cancellationToken);
        if (plan.Agents is not { } allowed)
        {
            return null;
        }

        var used = await SeatsInUseAsync(businessId, cancellationToken);
        return used < allowed
            ? null
            : new PlanLimitRefusal(Agents, plan, used, allowed,
                $"The {plan.Name} plan includes {allowed} agents and {used} are in use (invitations included). Upgrade the plan to invite more.");
    }

    /// <summary>After an invitation: tells the owners when the team reaches 80 % or all of the plan's seats.</summary>
    public async Task NoteSeatsAsync(Guid businessId, CancellationToken cancellationToken)
    {
        var plan = await subscriptions.EffectivePlanAsync(businessId, cancellationToken);
        if (plan.Agents is { } allowed)
        {
            await notices.NoteAsync(businessId, Agents, "agents", plan, await SeatsInUseAsync(businessId, cancellationToken), allowed, cancellationToken);
        }
    }
}
