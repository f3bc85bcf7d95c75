using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Channels;

namespace Conversations.WebFrontend.Tests.Inbox;

[Collection(AppCollection.Name)]
public sealed class SatisfactionTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private static string ListReply(string messageId, string optionId) => $$"""
        [{"context":{"from":"15550001111","id":"wamid.question"},"from":"34688800001","id":"{{messageId}}","timestamp":"{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}",
          "type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"{{optionId}}","title":"4 - Good"} } }]
        """;

    [Fact]
    public async Task Resolving_asks_the_customer_to_rate_and_the_answer_counts_once_for_who_handled_it()
    {
        var tenant = await App.CreateTenantAsync("Satisfaction");
        using var owner = await App.ClientOfAsync(tenant);
        await App.CustomerWritesAsync(tenant, "34688800001", "wamid.sat1", "Gracias por todo");
        var conversation = ConversationIds.For(tenant.BusinessId, "34688800001");
        var handler = (await (await owner.PostAsync($"/api/conversations/{conversation}/takeover", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("assigneeId").GetGuid();

        (await owner.PostAsJsonAsync($"/api/conversations/{conversation}/status", new { status = "resolved" })).EnsureSuccessStatusCode();

        var question = (await Transcript.ReadAsync(owner, conversation))[^1];
        Assert.Equal("system", question.Text("sender"));
        Assert.Equal(5, question.GetProperty("content").GetProperty("choices").GetProperty("options").GetArrayLength());
        await Eventually.GetAsync(
            async () => (await owner.GetFromJsonAsync<JsonElement>("/api/outbox")).EnumerateArray().Count(d => d.Text("kind") == "interactive"),
            count => count == 1, what: "the rating question to leave");

        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var answer = await App.PostWebhookAsync(MetaWebhooks.Delivery(tenant.PhoneNumberId, ListReply("wamid.rating1", "csat:4")), tenant.AppSecret);
            answer.EnsureSuccessStatusCode();
        }

        var summary = await owner.GetFromJsonAsync<JsonElement>("/api/ratings");
        var mine = Assert.Single(summary.EnumerateArray());
        Assert.Equal(handler, mine.GetProperty("employeeId").GetGuid());
        Assert.Equal((1, 4.0), (mine.GetProperty("count").GetInt32(), mine.GetProperty("average").GetDouble()));
        Assert.Equal("resolved", (await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("status").GetString());

        // The next text is the rating's comment and does not reopen the conversation either.
        await App.CustomerWritesAsync(tenant, "34688800001", "wamid.sat-comment", "Muy amables, gracias");
        var recent = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/ratings/recent")).EnumerateArray());
        Assert.Equal((4, "Muy amables, gracias"), (recent.GetProperty("rating").GetInt32(), recent.GetProperty("comment").GetString()));
        Assert.Equal("resolved", (await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("status").GetString());

        // Anything the customer writes afterwards is a new request, not another rating.
        await App.CustomerWritesAsync(tenant, "34688800001", "wamid.sat2", "5");
        Assert.Equal("open", (await owner.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}")).GetProperty("status").GetString());
        Assert.Equal(1, Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/ratings")).EnumerateArray()).GetProperty("count").GetInt32());
    }
}
