using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Conversations.WebFrontend.Auth;

/// <summary>
/// The proof, between the two steps of a login with two factors, that the password was right: the employee's
/// id, encrypted and valid for five minutes. Any frontend can redeem it (the key ring is shared).
/// </summary>
public sealed class TwoFactorChallenges(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Conversations.Login.TwoFactor.v1").ToTimeLimitedDataProtector();

    public TwoFactorChallenge Issue(Guid employeeId)
    {
        var expires = time.GetUtcNow() + Lifetime;
        return new TwoFactorChallenge(true, protector.Protect(employeeId.ToString(), expires), expires);
    }

    /// <summary>The employee whose password was checked, or null for a forged, tampered or expired challenge.</summary>
    public Guid? Redeem(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return Guid.TryParse(protector.Unprotect(token, out _), out var employeeId) ? employeeId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
