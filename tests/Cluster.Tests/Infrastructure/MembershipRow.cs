namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>One silo incarnation's row in <c>orleans_membership</c>.</summary>
/// <param name="Status">Orleans' <c>SiloStatus</c> as stored: 3 is Active, 6 is Dead.</param>
public sealed record MembershipRow(int Port, int Generation, int Status)
{
    public const int Active = 3;
    public const int Dead = 6;
}
