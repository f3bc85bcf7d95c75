using System.Security.Cryptography;
using System.Text;

namespace Conversations.Infrastructure.Accounts;

/// <summary>
/// Opaque bearer secrets (refresh tokens, e-mailed tokens): 256 random bits, base64url, of which only a
/// SHA-256 is ever stored. A fast hash suffices because the secret cannot be guessed, unlike a password.
/// </summary>
public static class SecretTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="token"/> has the shape <see cref="New"/> gives, so junk is refused before any lookup.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
