namespace Conversations.WebFrontend.Conversations;

/// <summary>
/// <c>POST /api/messages</c>: text, media (a link with its <c>kind</c> image, audio, video or document, or an uploaded file's <c>mediaId</c>), or an approved
/// template. <c>clientMessageId</c> makes a retried request send once.
/// </summary>
public sealed record SendMessageRequest(
    Guid? ConversationId,
    Guid? ClientMessageId,
    string? Text,
    SendMediaRequest? Media,
    SendTemplateRequest? Template);
