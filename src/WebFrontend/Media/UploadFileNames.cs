using System.Text;
using Conversations.Infrastructure.Media;

namespace Conversations.WebFrontend.Media;

/// <summary>The name an upload is kept and offered for download under.</summary>
public static class UploadFileNames
{
    private const int MaxBaseLength = 100;

    /// <summary>
    /// The client's name without its folders, control characters or extension, and the extension of the type the
    /// content really is: <c>invoice.png</c> that is a PDF is kept as <c>invoice.pdf</c>, so whoever downloads it
    /// opens it with the right program.
    /// </summary>
    public static string For(string? clientName, MediaType type)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((clientName ?? "").Replace('\\', '/')));
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or '/' or '\\' or ':' or '*' or '?' or '<' or '>' or '|'))
            {
                clean.Append(c);
            }
        }

        var baseName = clean.ToString().Trim().Trim('.');
        if (baseName.Length > MaxBaseLength)
        {
            baseName = baseName[..(char.IsHighSurrogate(baseName[MaxBaseLength - 1]) ? MaxBaseLength - 1 : MaxBaseLength)].TrimEnd();
        }

        return (baseName.Length == 0 ? "file" : baseName) + type.Extension;
    }
}
