using System.Net;

namespace Conversations.Infrastructure.Channels;

/// <summary>Downloads media bytes with a size cap, classifying failures as transient or permanent.</summary>
public static class ProviderMediaReader
{
    public static async Task<ProviderMedia> ReadAsync(
        HttpClient http, HttpRequestMessage request, string? mimeType, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            return new ProviderMedia(null, null, $"The media download answered {status}",
                IsPermanent: status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests);
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return new ProviderMedia(null, null, $"The media is larger than {maxBytes} bytes.", IsPermanent: true);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new ProviderMedia(null, null, $"The media is larger than {maxBytes} bytes.", IsPermanent: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return new ProviderMedia(buffer.ToArray(), mimeType ?? response.Content.Headers.ContentType?.MediaType);
    }
}
