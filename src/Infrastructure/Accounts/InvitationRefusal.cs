namespace Conversations.Infrastructure.Accounts;

/// <summary>Why an invitation was not made.</summary>
public enum InvitationRefusal
{
    /// <summary>The e-mail address already belongs to an employee (of any business).</summary>
    EmailTaken,

    /// <summary>The role is neither a system role nor one of the business's own (it may just have been deleted).</summary>
    UnknownRole,
}
