using Conversations.Grains.Conversations;

namespace Conversations.Unit.Tests;

public sealed class RecentMessageIdsTests
{
    [Fact]
    public void Remembers_the_newest_ids_up_to_its_capacity()
    {
        var recent = new RecentMessageIds(3);
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            recent.Add(id);
        }

        Assert.False(recent.Contains("a"));
        Assert.True(recent.Contains("b"));
        Assert.True(recent.Contains("d"));
    }

    [Fact]
    public void Adding_a_known_id_does_not_evict_another()
    {
        var recent = new RecentMessageIds(2);
        recent.Add("a");
        recent.Add("b");
        recent.Add("a");

        Assert.True(recent.Contains("a"));
        Assert.True(recent.Contains("b"));
    }
}
