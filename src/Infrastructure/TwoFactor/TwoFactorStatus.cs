namespace Conversations.Infrastructure.TwoFactor;

/// <summary>An employee's two-factor state.</summary>
/// <param name="RequiredByBusiness">The business requires every employee to use it.</param>
public sealed record TwoFactorStatus(bool Enabled, bool RequiredByBusiness, int RecoveryCodesLeft)
{
    /// <summary>Required but not yet set up: the employee may do nothing else until it is.</summary>
    public bool SetupRequired => RequiredByBusiness && !Enabled;
}
