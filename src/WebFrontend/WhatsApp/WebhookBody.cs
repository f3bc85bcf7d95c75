namespace Conversations.WebFrontend.WhatsApp;

/// <summary>Reads a webhook's raw body (signatures cover its exact bytes) up to a limit.</summary>
public static class WebhookBody
{
    /// <summary>Providers' deliveries are a few kilobytes; anything far larger is not from them.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <returns>The body, or <c>null</c> when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
