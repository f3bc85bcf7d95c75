using Conversations.Infrastructure.Accounts;

namespace Conversations.Unit.Tests;

public sealed class LoginLockoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    private static LoginFailures? Fail(LoginFailures? current, DateTimeOffset at) => LoginLockout.AfterFailure(current, at, 5, Window, Duration);

    [Fact]
    public void Fifth_failure_within_the_window_locks_for_the_duration()
    {
        LoginFailures? state = null;
        for (var i = 0; i < 4; i++)
        {
            state = Fail(state, T0.AddMinutes(i));
            Assert.False(state!.IsLocked(T0.AddMinutes(i)));
        }

        state = Fail(state, T0.AddMinutes(4));

        Assert.Equal(5, state!.Failures);
        Assert.Equal(T0.AddMinutes(19), state.LockedUntil);
        Assert.True(state.IsLocked(T0.AddMinutes(18)));
        Assert.False(state.IsLocked(T0.AddMinutes(19)));
    }

    [Fact]
    public void Failures_spread_beyond_the_window_never_lock()
    {
        LoginFailures? state = null;
        for (var i = 0; i < 20; i++)
        {
            state = Fail(state, T0.AddMinutes(i * 4));
        }

        Assert.Null(state!.LockedUntil);
        Assert.True(state.Failures < 5);
    }

    [Fact]
    public void Failures_while_locked_do_not_extend_the_lock()
    {
        LoginFailures? state = null;
        for (var i = 0; i < 5; i++)
        {
            state = Fail(state, T0);
        }

        var during = Fail(state, T0.AddMinutes(10));

        Assert.Equal(state, during);
    }

    [Fact]
    public void First_failure_after_a_lock_starts_a_new_window()
    {
        LoginFailures? state = null;
        for (var i = 0; i < 5; i++)
        {
            state = Fail(state, T0);
        }

        var after = Fail(state, T0.AddMinutes(16));

        Assert.Equal(new LoginFailures(1, T0.AddMinutes(16), null), after);
    }
}
