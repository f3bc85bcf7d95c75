using Conversations.Grains.Interfaces;

namespace Conversations.Unit.Tests;

public sealed class ConversationIdsTests
{
    private static readonly Guid Business = Guid.Parse("0410b6fd-f050-468b-897c-726694f40f21");

    [Fact]
    public void Id_is_the_RFC_name_based_uuid_of_business_and_customer()
    {
        // Python: uuid.uuid5(uuid.UUID("0410b6fd-f050-468b-897c-726694f40f21"), "34611111111")
        Assert.Equal(Guid.Parse("8a13c98b-44e5-54f5-aa00-5c8049a3dc37"), ConversationIds.For(Business, "34611111111"));
    }

    [Fact]
    public void Same_customer_of_another_business_is_another_conversation()
    {
        Assert.NotEqual(ConversationIds.For(Business, "34611111111"), ConversationIds.For(Guid.NewGuid(), "34611111111"));
        Assert.NotEqual(ConversationIds.For(Business, "34611111111"), ConversationIds.For(Business, "34611111112"));
    }

    [Fact]
    public void Empty_customer_id_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ConversationIds.For(Business, ""));
    }
}
