namespace Conversations.WebFrontend.Auth;

/// <summary>
/// The refresh token as browsers keep it: httpOnly (no script can read it), Secure, SameSite=Strict
/// (never sent from another site, so it cannot be used for cross-site requests) and limited to the
/// auth routes, the only ones that read it.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "conversations_refresh";
    public const string Path = "/api/auth";

    public static void Append(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(Name, token, Options(expires));

    public static void Delete(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var token) ? token : null;

    private static CookieOptions Options(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}
