using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Channels;

/// <summary>
/// Sends through the WhatsApp Cloud API: <c>POST /{version}/{phone-number-id}/messages</c>.
/// See https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages.
/// </summary>
public sealed class MetaCloudApiClient(HttpClient http, IOptions<MetaOptions> options, IOptions<MediaOptions> media, MediaStore files)
{
    // Error codes that retrying cannot fix (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
    private static readonly HashSet<int> PermanentCodes =
    [
        100, 190, 200, 131008, 131009, 131021, 131026, 131030, 131031, 131042, 131045, 131047, 131051, 131052, 131053,
        132000, 132001, 132005, 132007, 132012, 132015, 132016, 133010, 368, 470,
    ];

    // Throughput and spam limits: wait and retry.
    private static readonly HashSet<int> RateLimitCodes = [4, 80007, 130429, 131048, 131056];

    public async Task<ProviderSendResult> SendAsync(
        WhatsAppChannel channel, string recipientWaId, MessageContent content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (content.Media is { Link: null, ProviderMediaId: null, StoredMediaId: { } storedId } attachment)
        {
            var (mediaId, failure) = await UploadAsync(channel, storedId, cancellationToken);
            if (mediaId is null)
            {
                return failure!;
            }

            content = content with { Media = attachment with { ProviderMediaId = mediaId } };
        }

        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            $"{settings.GraphBaseUrl.TrimEnd('/')}/{settings.ApiVersion}/{Uri.EscapeDataString(channel.Address)}/messages")
        {
            Content = JsonContent.Create(Payload(recipientWaId, content)),
        };
        var (body, answer) = await CallAsync(request, channel, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var id = TryRead(body!)?["messages"]?[0]?["id"]?.GetValue<string>();
        return id is not null
            ? ProviderSendResult.Sent(id)
            : ProviderSendResult.Transient(null, "The Cloud API accepted the request but returned no message id.");
    }

    /// <summary>
    /// An employee's upload is sent by reference: first uploaded to the number with
    /// <c>POST /{version}/{phone-number-id}/media</c> (multipart: <c>messaging_product</c>, <c>type</c>, <c>file</c>),
    /// whose answer's <c>id</c> the message then names. See
    /// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#upload-media. Each attempt uploads
    /// again: an upload is cheap next to keeping Meta's ids (valid 30 days) in step with our files.
    /// </summary>
    private async Task<(string? MediaId, ProviderSendResult? Failure)> UploadAsync(
        WhatsAppChannel channel, Guid storedMediaId, CancellationToken cancellationToken)
    {
        var file = await files.FindAsync(channel.BusinessId, storedMediaId, cancellationToken);
        await using var bytes = file is null ? null : await files.OpenReadAsync(file, cancellationToken);
        if (bytes is null)
        {
            return (null, ProviderSendResult.Permanent("media_missing", "The attached file was deleted before it could be sent."));
        }

        var settings = options.Value;
        var part = new StreamContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(file!.MimeType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(file.MimeType), "type" },
            { part, "file", file.FileName ?? $"{file.Id:N}" },
        };
        using var request = new HttpRequestMessage(
            HttpMethod.Post, $"{settings.GraphBaseUrl.TrimEnd('/')}/{settings.ApiVersion}/{Uri.EscapeDataString(channel.Address)}/media")
        {
            Content = form,
        };
        var (body, failure) = await CallAsync(request, channel, cancellationToken);
        if (failure is not null)
        {
            return (null, failure);
        }

        return TryRead(body!)?["id"]?.GetValue<string>() is { Length: > 0 } id
            ? (id, null)
            : (null, ProviderSendResult.Transient(null, "The Cloud API accepted the upload but returned no media id."));
    }

    /// <summary>One authenticated call: the success body, or the failure classified as transient or permanent.</summary>
    private async Task<(string? Body, ProviderSendResult? Failure)> CallAsync(
        HttpRequestMessage request, WhatsAppChannel channel, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.Secrets.AccessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            return (null, ProviderSendResult.Transient(null, $"No answer from the Cloud API: {exception.GetType().Name}"));
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? (body, null) : (null, Classify(response, body));
        }
    }

    private static ProviderSendResult Classify(HttpResponseMessage response, string body)
    {
        var error = TryRead(body)?["error"];
        var code = error?["code"]?.GetValue<int>();
        var title = error?["error_data"]?["details"]?.GetValue<string>()
            ?? error?["message"]?.GetValue<string>()
            ?? response.ReasonPhrase
            ?? "Cloud API error";
        var codeText = code?.ToString(CultureInfo.InvariantCulture) ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var retryAfter = response.Headers.RetryAfter?.Delta;

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (code is { } limited && RateLimitCodes.Contains(limited)))
        {
            return ProviderSendResult.Transient(codeText, title, retryAfter);
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return ProviderSendResult.Transient(codeText, title, retryAfter);
        }

        return code is { } known && !PermanentCodes.Contains(known) && known is 1 or 2 or 131000 or 131016 or 133004
            ? ProviderSendResult.Transient(codeText, title, retryAfter)
            : ProviderSendResult.Permanent(codeText, title);
    }

    /// <summary>
    /// Media is two calls: <c>GET /{version}/{media-id}</c> answers a short-lived URL, which is fetched with the
    /// same bearer token. See https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media.
    /// </summary>
    public async Task<ProviderMedia> FetchMediaAsync(WhatsAppChannel channel, string mediaId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            using var describe = new HttpRequestMessage(
                HttpMethod.Get, $"{settings.GraphBaseUrl.TrimEnd('/')}/{settings.ApiVersion}/{Uri.EscapeDataString(mediaId)}");
            describe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.Secrets.AccessToken);
            using var described = await http.SendAsync(describe, cancellationToken);
            var body = await described.Content.ReadAsStringAsync(cancellationToken);
            if (!described.IsSuccessStatusCode)
            {
                return new ProviderMedia(null, null, $"Media lookup answered {(int)described.StatusCode}", IsPermanent: (int)described.StatusCode is >= 400 and < 500 and not 429);
            }

            var info = TryRead(body);
            if (info?["url"]?.GetValue<string>() is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var location))
            {
                return new ProviderMedia(null, null, "Media lookup returned no URL.");
            }

            using var download = new HttpRequestMessage(HttpMethod.Get, location);
            download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", channel.Secrets.AccessToken);
            return await ProviderMediaReader.ReadAsync(http, download, info["mime_type"]?.GetValue<string>(), media.Value.MaxBytes, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException)
        {
            return new ProviderMedia(null, null, $"No answer from the Cloud API: {exception.GetType().Name}");
        }
    }

    /// <summary>The request body for one message, by type.</summary>
    public static JsonObject Payload(string recipientWaId, MessageContent content)
    {
        var payload = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = recipientWaId,
        };

        if (content.Template is { } template)
        {
            payload["type"] = "template";
            var parameters = new JsonArray(template.Parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray());
            payload["template"] = new JsonObject
            {
                ["name"] = template.Name,
                ["language"] = new JsonObject { ["code"] = template.Language },
                ["components"] = template.Parameters.Count == 0
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters }),
            };
            return payload;
        }

        if (content.Choices is { } choices)
        {
            // Up to three options fit WhatsApp's reply buttons (20 characters each); more need a list.
            payload["type"] = "interactive";
            payload["interactive"] = choices.Options.Count <= 3 && choices.Options.All(o => o.Title.Length <= 20)
                ? new JsonObject
                {
                    ["type"] = "button",
                    ["body"] = new JsonObject { ["text"] = content.Text ?? "" },
                    ["action"] = new JsonObject
                    {
                        ["buttons"] = new JsonArray(choices.Options.Select(o => (JsonNode)new JsonObject
                        {
                            ["type"] = "reply",
                            ["reply"] = new JsonObject { ["id"] = o.Id, ["title"] = o.Title },
                        }).ToArray()),
                    },
                }
                : new JsonObject
                {
                    ["type"] = "list",
                    ["body"] = new JsonObject { ["text"] = content.Text ?? "" },
                    ["action"] = new JsonObject
                    {
                        ["button"] = choices.ButtonText,
                        ["sections"] = new JsonArray(new JsonObject
                        {
                            ["title"] = choices.ButtonText,
                            ["rows"] = new JsonArray(choices.Options.Take(10).Select(o => (JsonNode)new JsonObject
                            {
                                ["id"] = o.Id,
                                ["title"] = o.Title.Length > 24 ? o.Title[..24] : o.Title,
                                ["description"] = o.Description,
                            }).ToArray()),
                        }),
                    },
                };
            return payload;
        }

        if (content.Media is { } media && content.Kind is "image" or "audio" or "video" or "document" or "sticker")
        {
            var attachment = new JsonObject();
            if (media.Link is not null)
            {
                attachment["link"] = media.Link;
            }
            else
            {
                attachment["id"] = media.ProviderMediaId;
            }

            if (content.Text is not null && content.Kind is "image" or "video" or "document")
            {
                attachment["caption"] = content.Text;
            }

            if (media.FileName is not null && content.Kind == "document")
            {
                attachment["filename"] = media.FileName;
            }

            payload["type"] = content.Kind;
            payload[content.Kind] = attachment;
            return payload;
        }

        payload["type"] = "text";
        payload["text"] = new JsonObject { ["preview_url"] = false, ["body"] = content.Text ?? "" };
        return payload;
    }

    private static JsonNode? TryRead(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
