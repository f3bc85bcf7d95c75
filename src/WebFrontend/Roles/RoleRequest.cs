namespace Conversations.WebFrontend.Roles;

/// <summary>A role to create (both fields), or the fields of one to change.</summary>
/// <param name="Name">Lower-case letters, digits, '-' and '_', 2 to 32 characters, starting with a letter; not a system role's name.</param>
/// <param name="Permissions">The permissions it grants (the whole set, replacing the old one on a change).</param>
public sealed record RoleRequest(string? Name, string[]? Permissions);
