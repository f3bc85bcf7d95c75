using System.Text.RegularExpressions;
using MimeKit;

namespace Conversations.WebFrontend.Tests;

/// <summary>Reads what the app "sent": the .eml files its pickup folder holds, as a user's mail client would.</summary>
public sealed partial class Mailbox(string folder)
{
    public IReadOnlyList<MimeMessage> To(string address)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.eml")
            .Select(path => (Path: path, Written: File.GetLastWriteTimeUtc(path)))
            .OrderBy(f => f.Written).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.Path))
            .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The token in the link of the newest e-mail to <paramref name="address"/> whose link goes to <paramref name="page"/>.</summary>
    public string LatestToken(string address, string page)
    {
        var pattern = new Regex($"/{Regex.Escape(page)}\\?token=([A-Za-z0-9_-]+)");
        var token = To(address).Select(m => pattern.Match(m.TextBody ?? "")).LastOrDefault(m => m.Success);
        Assert.True(token is not null, $"No e-mail to {address} with a {page} link.");
        return token.Groups[1].Value;
    }
}
