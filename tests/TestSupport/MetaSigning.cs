using System.Security.Cryptography;
using System.Text;

namespace Conversations.TestSupport;

/// <summary>
/// Signs a webhook body as Meta documents it (<c>sha256=</c> + hex HMAC-SHA256 of the raw body with the app
/// secret), written here independently of the production verifier so the tests check it rather than echo it.
/// </summary>
public static class MetaSigning
{
    public const string Header = "X-Hub-Signature-256";

    public static string Sign(string body, string appSecret) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
}
