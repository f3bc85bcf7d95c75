namespace Conversations.Grains.Interfaces.Models;

/// <summary>What became of a change to an employee's role or status.</summary>
[GenerateSerializer, Alias("accounts.EmployeeChangeResult")]
public enum EmployeeChangeResult
{
    /// <summary>Applied (or already so).</summary>
    Changed = 0,

    /// <summary>No such employee in that business.</summary>
    NotFound = 1,

    /// <summary>Refused: the business would have no active owner left.</summary>
    LastOwner = 2,

    /// <summary>Refused: the role is neither a system role nor one of the business's own.</summary>
    UnknownRole = 3,
}
