using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.WebFrontend.WhatsApp;

/// <summary>The WhatsApp Cloud API (Meta) webhook: the verification handshake and message deliveries.</summary>
public static class WhatsAppWebhookApi
{
    /// <summary>Meta's deliveries are a few kilobytes; anything far larger is not from Meta.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        var webhook = app.MapGroup("/api/webhook/whatsapp").WithTags("Webhooks").AllowAnonymous();
        webhook.MapGet("/", VerifyAsync);
        webhook.MapPost("/", ReceiveAsync);
        return app;
    }

    public sealed record DeliveryReceipt(int Received, int Stored, int Duplicates);

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        WhatsAppChannelDirectory channels,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (mode != "subscribe")
        {
            errors["hub.mode"] = ["Must be 'subscribe'."];
        }

        if (string.IsNullOrEmpty(verifyToken))
        {
            errors["hub.verify_token"] = ["Required."];
        }

        if (string.IsNullOrEmpty(challenge))
        {
            errors["hub.challenge"] = ["Required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await channels.FindByVerifyTokenAsync(verifyToken!, cancellationToken) is null)
        {
            return TypedResults.Problem(
                title: "The verify token matches no WhatsApp number.", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Text(challenge, "text/plain");
    }

    private static async Task<Results<Ok<DeliveryReceipt>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request,
        WhatsAppChannelDirectory channels,
        IClusterClient cluster,
        CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                title: $"The body exceeds {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        MetaWebhookDelivery delivery;
        try
        {
            delivery = MetaWebhookParser.Parse(body);
        }
        catch (MetaWebhookFormatException exception)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [exception.Field] = [exception.Message] },
                title: "The body is not a WhatsApp Cloud API webhook.");
        }

        var owners = new Dictionary<string, WhatsAppChannel>(StringComparer.Ordinal);
        foreach (var phoneNumberId in delivery.PhoneNumberIds)
        {
            var channel = await channels.FindByPhoneNumberIdAsync(phoneNumberId, cancellationToken);
            if (channel is null)
            {
                return TypedResults.Problem(
                    title: "No business receives on this WhatsApp number.",
                    detail: $"metadata.phone_number_id '{phoneNumberId}' is not configured.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            owners[phoneNumberId] = channel;
        }

        // Every number the delivery names must vouch for it: a secret of one business never admits
        // messages for another.
        var signature = request.Headers[MetaSignature.HeaderName].ToString();
        if (owners.Count == 0 || owners.Values.Any(c => !MetaSignature.IsValid(body, signature, c.AppSecret)))
        {
            return TypedResults.Problem(
                title: "The X-Hub-Signature-256 header does not match the body.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var messages = delivery.Updates
            .SelectMany(u => u.Messages.Select(m => new InboundMessage(
                owners[u.PhoneNumberId].BusinessId, m.From, m.ProfileName, m.Id, m.Type, m.Body, m.Timestamp)))
            .ToList();

        // One customer's messages go to their grain in the order Meta listed them; different customers in parallel.
        var outcomes = await Task.WhenAll(messages
            .GroupBy(m => ConversationIds.For(m.BusinessId, m.CustomerWaId))
            .Select(async conversation =>
            {
                var grain = cluster.GetGrain<IConversationGrain>(conversation.Key);
                var results = new List<MessageAcceptance>();
                foreach (var message in conversation)
                {
                    results.Add(await grain.ReceiveAsync(message));
                }

                return results;
            }));

        var all = outcomes.SelectMany(o => o).ToList();
        return TypedResults.Ok(new DeliveryReceipt(
            all.Count, all.Count(o => o == MessageAcceptance.Stored), all.Count(o => o == MessageAcceptance.Duplicate)));
    }

    /// <returns>The raw body (the signature covers its exact bytes), or <c>null</c> when it is too large.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
