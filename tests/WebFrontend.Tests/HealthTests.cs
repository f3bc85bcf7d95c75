using System.Net;

namespace Conversations.WebFrontend.Tests;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppFixture fixture)
{
    [Fact]
    public async Task Live_and_ready_answer_200_without_a_token_once_migrated_and_clustered()
    {
        var client = fixture.App.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
