namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>
/// Business A with one of every kind of resource the API has an id for, and the people who probe it: A's owner
/// (who made everything), A's viewer, and B's owner (another business, every permission).
/// </summary>
public sealed record TenantWorld(
    Guid BusinessId,
    string Marker,
    Guid ConversationId,
    long LastSequence,
    Guid MessageId,
    Guid MediaId,
    Guid CustomerId,
    Guid SegmentId,
    Guid ServiceId,
    Guid BookingId,
    Guid NoteId,
    Guid CannedResponseId,
    Guid KnowledgeArticleId,
    Guid TemplateId,
    Guid ChannelId,
    Guid ViewerId,
    Guid RoleId,
    string RoleName,
    Guid OwnerSessionId,
    Guid NotificationId,
    Guid ApiKeyId,
    Guid WebhookEndpointId,
    Guid OtherOwnerId,
    Guid RuleId,
    Guid MacroId,
    Guid SlaPolicyId,
    AccountsClient.Tokens Owner,
    AccountsClient.Tokens Viewer,
    AccountsClient.Tokens OtherOwner)
{
    /// <summary>What must never appear in an answer to B: every id of A's and the marker in A's names.</summary>
    public IReadOnlyList<string> Secrets =>
    [
        Marker, ConversationId.ToString(), MessageId.ToString(), MediaId.ToString(), CustomerId.ToString(), SegmentId.ToString(),
        ServiceId.ToString(), BookingId.ToString(), NoteId.ToString(), CannedResponseId.ToString(), KnowledgeArticleId.ToString(),
        TemplateId.ToString(), ChannelId.ToString(), ViewerId.ToString(), RoleId.ToString(), NotificationId.ToString(),
        ApiKeyId.ToString(), WebhookEndpointId.ToString(), RuleId.ToString(), MacroId.ToString(), SlaPolicyId.ToString(), Owner.Employee.Id.ToString(), BusinessId.ToString(),
    ];
}
