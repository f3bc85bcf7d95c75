namespace Conversations.Infrastructure.Roles;

/// <summary>Why a change to a role was not made.</summary>
public enum RoleRefusal
{
    /// <summary>No such role in the business (another business's role is not found either).</summary>
    NotFound,

    /// <summary>The system roles are the same for every business and change only with the code.</summary>
    SystemRole,

    /// <summary>The business already has a role of that name.</summary>
    NameTaken,

    /// <summary>Employees still hold the role.</summary>
    InUse,
}
