using System.Globalization;
using System.Security.Claims;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.Conversations;
using Conversations.Infrastructure.Media;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Conversations;

public static class MessagesApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/messages").WithTags("Messages");
        messages.MapGet("/", ListAsync).RequirePermission(Permissions.ConversationsRead);
        messages.MapPost("/", SendAsync).RequirePermission(Permissions.ConversationsReply);
        return app;
    }

    public sealed record MessagePage(Guid ConversationId, IReadOnlyList<MessageView> Messages);

    /// <summary>
    /// A conversation's messages in order: the newest page (or those before <c>before</c>), or those after
    /// <c>after</c> — the sequence a reconnecting client last saw.
    /// </summary>
    internal static async Task<Results<Ok<MessagePage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? conversationId,
        string? after,
        string? before,
        string? limit,
        ClaimsPrincipal user,
        MessageQueries queries,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(conversationId, out var conversation))
        {
            errors["conversationId"] = ["A conversation id (a UUID) is required."];
        }

        var afterSequence = ParseSequence(after, "after", errors);
        var beforeSequence = ParseSequence(before, "before", errors);
        if (afterSequence is not null && beforeSequence is not null)
        {
            errors["before"] = ["Give either 'after' or 'before', not both."];
        }

        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize)
                                  || pageSize is < 1 or > MaxPageSize))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        if (!await queries.ConversationExistsAsync(businessId, conversation, cancellationToken))
        {
            return TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        var messages = await queries.ListAsync(businessId, conversation, afterSequence, beforeSequence, pageSize, cancellationToken);
        return TypedResults.Ok(new MessagePage(conversation, messages));
    }

    /// <summary>
    /// Sends as the calling employee through the conversation's number: stored and shown at once as queued,
    /// then moving through the delivery states as the outbox and the provider report.
    /// </summary>
    internal static async Task<Results<Created<MessageView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        SendMessageRequest? request,
        ClaimsPrincipal user,
        MessageQueries queries,
        IClusterClient cluster,
        MediaStore files,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var content = ReadContent(request, errors);
        if (request?.ConversationId is null)
        {
            errors["conversationId"] = ["A conversation id (a UUID) is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var businessId = user.GetBusinessId();
        var conversationId = request!.ConversationId!.Value;
        if (!await queries.ConversationExistsAsync(businessId, conversationId, cancellationToken))
        {
            return TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound);
        }

        if (request.Media?.MediaId is { } mediaId)
        {
            // Another business's file is as unknown as a missing one.
            if (await files.FindAsync(businessId, mediaId, cancellationToken) is not { } file)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["media.mediaId"] = ["No such file: upload it with POST /api/media first."] });
            }

            content = content! with
            {
                Kind = file.Kind,
                Media = new MediaAttachment(null, file.MimeType, request.Media.FileName?.Trim() is { Length: > 0 } name ? name : file.FileName, file.Sha256, StoredMediaId: file.Id),
            };
        }

        var outcome = await cluster.GetGrain<IConversationGrain>(conversationId).SendAsync(new OutboundMessage(
            request.ClientMessageId ?? Guid.CreateVersion7(), MessageSender.Employee, user.GetEmployeeId(), content!));
        return outcome switch
        {
            { Message: { } message } => TypedResults.Created($"/api/messages?conversationId={conversationId}&after={message.Sequence - 1}", message),
            { Refusal: SendRefusal.TemplateRequired } => TypedResults.Problem(
                title: "The 24-hour window is closed: only an approved template can be sent.",
                detail: "The customer has not written in the last 24 hours. Send a template message to reopen the conversation.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["template"] = ["Required outside the 24-hour window."] } },
                statusCode: StatusCodes.Status422UnprocessableEntity),
            _ => TypedResults.Problem(title: "No such conversation.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    private static MessageContent? ReadContent(SendMessageRequest? request, Dictionary<string, string[]> errors)
    {
        var text = request?.Text?.Trim();
        if (text is { Length: > 4096 })
        {
            errors["text"] = ["At most 4096 characters (WhatsApp's limit)."];
        }

        if (request?.Template is { } template)
        {
            if (string.IsNullOrWhiteSpace(template.Name))
            {
                errors["template.name"] = ["The approved template's name is required."];
            }

            if (string.IsNullOrWhiteSpace(template.Language))
            {
                errors["template.language"] = ["A language code such as 'en_US' is required."];
            }

            return new MessageContent("template", text, Template: new TemplateUse(
                template.Name?.Trim() ?? "", template.Language?.Trim() ?? "", template.Parameters ?? []));
        }

        if (request?.Media is { MediaId: not null } upload)
        {
            if (upload.Link is not null)
            {
                errors["media.link"] = ["Give either a link or an uploaded file's mediaId, not both."];
            }

            // Kind and file are filled in from the stored file once the caller's business is known.
            return new MessageContent(MediaKinds.Document, text, new MediaAttachment(null, null));
        }

        if (request?.Media is { } media)
        {
            if (media.Kind is not ("image" or "audio" or "video" or "document"))
            {
                errors["media.kind"] = ["Must be image, audio, video or document."];
            }

            if (!Uri.TryCreate(media.Link, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps)
            {
                errors["media.link"] = ["An https URL the provider can fetch is required."];
            }

            return new MessageContent(media.Kind ?? "document", text, new MediaAttachment(null, null, media.FileName, Link: media.Link));
        }

        if (string.IsNullOrEmpty(text))
        {
            errors["text"] = ["Text, media or a template is required."];
        }

        return text is null ? null : MessageContent.PlainText(text);
    }

    private static long? ParseSequence(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return sequence;
        }

        errors[field] = ["Must be a message sequence number (a whole number, 0 or more)."];
        return null;
    }
}
