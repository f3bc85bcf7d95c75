using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;

namespace Conversations.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EmployeeGrainTests(ClusterFixture fixture)
{
    private IEmployeeGrain Employee(Guid id) => fixture.Grains.GetGrain<IEmployeeGrain>(id);

    private Task Reactivate() => fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    [Fact]
    public async Task Live_sessions_count_revoked_ones_do_not_and_that_survives_reactivation()
    {
        var business = await fixture.NewBusinessAsync();
        var employee = await NewEmployeeAsync(business, "agent");
        var kept = await NewSessionAsync(business, employee);
        var revoked = await NewSessionAsync(business, employee);

        Assert.True(await Employee(employee).IsTokenValidAsync(kept, "agent", 0));
        Assert.True(await Employee(employee).IsTokenValidAsync(revoked, "agent", 0));
        Assert.False(await Employee(employee).IsTokenValidAsync(Guid.NewGuid(), "agent", 0));
        Assert.False(await Employee(employee).IsTokenValidAsync(kept, "owner", 0));

        Assert.Equal([revoked], await Employee(employee).RevokeSessionsAsync([revoked, Guid.NewGuid()]));
        Assert.Empty(await Employee(employee).RevokeSessionsAsync([revoked]));
        Assert.False(await Employee(employee).IsTokenValidAsync(revoked, "agent", 0));

        await Reactivate();

        Assert.True(await Employee(employee).IsTokenValidAsync(kept, "agent", 0));
        Assert.False(await Employee(employee).IsTokenValidAsync(revoked, "agent", 0));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM employee_sessions WHERE employee_id = @e AND revoked_at IS NOT NULL", ("e", employee)));
    }

    [Fact]
    public async Task Revoking_the_other_sessions_keeps_the_named_one()
    {
        var business = await fixture.NewBusinessAsync();
        var employee = await NewEmployeeAsync(business, "agent");
        var current = await NewSessionAsync(business, employee);
        var other = await NewSessionAsync(business, employee);

        Assert.Equal([other], await Employee(employee).RevokeOtherSessionsAsync(current));

        Assert.True(await Employee(employee).IsTokenValidAsync(current, "agent", 0));
        Assert.False(await Employee(employee).IsTokenValidAsync(other, "agent", 0));
    }

    [Fact]
    public async Task The_last_owner_is_kept_and_a_deactivated_employee_stays_refused_after_reactivation()
    {
        var business = await fixture.NewBusinessAsync();
        var owner = await NewEmployeeAsync(business, "owner");
        var session = await NewSessionAsync(business, owner);

        Assert.Equal(EmployeeChangeResult.LastOwner, await Employee(owner).ChangeRoleAsync(business, "admin"));
        Assert.Equal(EmployeeChangeResult.LastOwner, await Employee(owner).DeactivateAsync(business));
        Assert.Equal(EmployeeChangeResult.NotFound, await Employee(owner).DeactivateAsync(await fixture.NewBusinessAsync()));
        Assert.True(await Employee(owner).IsTokenValidAsync(session, "owner", 0));

        await NewEmployeeAsync(business, "owner");
        Assert.Equal(EmployeeChangeResult.Changed, await Employee(owner).DeactivateAsync(business));
        Assert.False(await Employee(owner).IsTokenValidAsync(session, "owner", 0));

        await Reactivate();

        Assert.False(await Employee(owner).IsTokenValidAsync(session, "owner", 0));
        Assert.Equal("deactivated", await fixture.Database.ScalarAsync<string>("SELECT status FROM employees WHERE id = @e", ("e", owner)));
    }

    [Fact]
    public async Task A_role_change_refuses_tokens_with_the_old_role()
    {
        var business = await fixture.NewBusinessAsync();
        await NewEmployeeAsync(business, "owner");
        var agent = await NewEmployeeAsync(business, "agent");
        var session = await NewSessionAsync(business, agent);

        Assert.Equal(EmployeeChangeResult.Changed, await Employee(agent).ChangeRoleAsync(business, "admin"));

        Assert.False(await Employee(agent).IsTokenValidAsync(session, "agent", 0));
        Assert.True(await Employee(agent).IsTokenValidAsync(session, "admin", 0));
    }

    private async Task<Guid> NewEmployeeAsync(Guid business, string role)
    {
        var id = Guid.NewGuid();
        await using var command = fixture.Database.DataSource.CreateCommand("""
            INSERT INTO employees (id, business_id, email, display_name, role, password_hash)
            VALUES (@id, @business, @email, 'Someone', @role, '')
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("business", business);
        command.Parameters.AddWithValue("email", $"{id:N}@example.test");
        command.Parameters.AddWithValue("role", role);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<Guid> NewSessionAsync(Guid business, Guid employee)
    {
        var id = Guid.NewGuid();
        await using var command = fixture.Database.DataSource.CreateCommand("""
            INSERT INTO employee_sessions (id, business_id, employee_id, created_at, last_seen_at, expires_at)
            VALUES (@id, @business, @employee, now(), now(), now() + interval '1 day')
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("business", business);
        command.Parameters.AddWithValue("employee", employee);
        await command.ExecuteNonQueryAsync();
        await fixture.Grains.GetGrain<IEmployeeGrain>(employee).SessionStartedAsync(id);
        return id;
    }
}
