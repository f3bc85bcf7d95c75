namespace Conversations.Infrastructure.Demo;

/// <summary>The fixed facts of the demo business, which the README documents.</summary>
public static class DemoTenant
{
    public static readonly Guid BusinessId = Guid.Parse("0410b6fd-f050-468b-897c-726694f40f21");
    public const string Name = "Samia Tarot";
    public const string OwnerEmail = "owner@samia-tarot.example";
    public const string PhoneNumberId = "100000000000001";
    public const string VerifyToken = "samia-tarot-verify";
}
