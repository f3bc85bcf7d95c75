using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.Grains.Assistant;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Knowledge;

[Collection(AppCollection.Name)]
public sealed class KnowledgeApiTests(AppFixture fixture)
{
    private const string OpeningHours = "We are open Monday to Saturday from 9:00 to 18:00. On Sunday we are closed.";

    private ConversationsApp App => fixture.App;

    private async Task<(TestTenant Tenant, AccountsClient.Tokens Owner, HttpClient Client)> NewTenantAsync(string name = "Knowledge")
    {
        var tenant = await App.CreateTenantAsync(name);
        var owner = await new AccountsClient(App).LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        return (tenant, owner, Client(owner.AccessToken));
    }

    private HttpClient Client(string accessToken)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<Guid> CreateArticleAsync(HttpClient client, string title, string body, string[]? tags = null, bool isPublished = true)
    {
        using var response = await client.PostAsJsonAsync("/api/knowledge", new { title, body, tags = tags ?? [], isPublished });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.BodyAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string question)
    {
        using var response = await client.GetAsync($"/api/knowledge/search?q={Uri.EscapeDataString(question)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync();
    }

    private static IEnumerable<Guid> Ids(JsonElement articles, string property = "id") =>
        articles.EnumerateArray().Select(a => a.GetProperty(property).GetGuid());

    [Fact]
    public async Task Owner_writes_reads_lists_updates_and_deletes_an_article()
    {
        var (_, owner, client) = await NewTenantAsync();

        using var created = await client.PostAsJsonAsync("/api/knowledge", new
        {
            title = "  Opening hours ",
            body = OpeningHours,
            tags = new[] { " Schedule", "schedule", "", "Weekend" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var article = await created.BodyAsync();
        var id = article.GetProperty("id").GetGuid();
        Assert.Equal($"/api/knowledge/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Opening hours", article.GetProperty("title").GetString());
        Assert.Equal(["schedule", "weekend"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(article.GetProperty("isPublished").GetBoolean());
        Assert.Equal(owner.Employee.Id, article.GetProperty("createdBy").GetGuid());

        var read = await (await client.GetAsync($"/api/knowledge/{id}")).BodyAsync();
        Assert.Equal(OpeningHours, read.GetProperty("body").GetString());

        var parking = await CreateArticleAsync(client, "Parking", "Free parking behind the shop.", ["location"]);
        var payment = await CreateArticleAsync(client, "Payment", "Cash or card.", isPublished: false);

        var all = await (await client.GetAsync("/api/knowledge")).BodyAsync();
        Assert.Equal([payment, parking, id], Ids(all.GetProperty("items")));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("nextOffset").ValueKind);
        Assert.Equal([id], Ids((await (await client.GetAsync("/api/knowledge?tag=WEEKEND")).BodyAsync()).GetProperty("items")));
        Assert.Equal([parking], Ids((await (await client.GetAsync("/api/knowledge?q=parked")).BodyAsync()).GetProperty("items")));
        Assert.Empty((await (await client.GetAsync("/api/knowledge?q=parking&tag=schedule")).BodyAsync()).GetProperty("items").EnumerateArray());

        var first = await (await client.GetAsync("/api/knowledge?limit=2")).BodyAsync();
        Assert.Equal([payment, parking], Ids(first.GetProperty("items")));
        Assert.Equal(2, first.GetProperty("nextOffset").GetInt32());
        var second = await (await client.GetAsync("/api/knowledge?limit=2&offset=2")).BodyAsync();
        Assert.Equal([id], Ids(second.GetProperty("items")));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextOffset").ValueKind);

        using var patched = await client.PatchAsJsonAsync($"/api/knowledge/{id}", new { title = "When we are open", tags = Array.Empty<string>(), isPublished = false });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var updated = await patched.BodyAsync();
        Assert.Equal(("When we are open", OpeningHours, 0, false), (updated.GetProperty("title").GetString(), updated.GetProperty("body").GetString(),
            updated.GetProperty("tags").GetArrayLength(), updated.GetProperty("isPublished").GetBoolean()));
        Assert.Equal(owner.Employee.Id, updated.GetProperty("updatedBy").GetGuid());
        Assert.True(updated.GetProperty("updatedAt").GetDateTimeOffset() >= updated.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(id, Ids((await (await client.GetAsync("/api/knowledge")).BodyAsync()).GetProperty("items")).First());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/knowledge/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/knowledge/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/knowledge/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/knowledge/{id}", new { title = "Back" })).StatusCode);
    }

    public static TheoryData<string, string, string> InvalidWrites() => new()
    {
        { "POST", "title", """{"body":"Text"}""" },
        { "POST", "title", """{"title":"   ","body":"Text"}""" },
        { "POST", "title", $$"""{"title":"{{new string('t', 201)}}","body":"Text"}""" },
        { "POST", "title", """{"title":"Nul \u0000 inside","body":"Text"}""" },
        { "POST", "body", """{"title":"Title"}""" },
        { "POST", "body", $$"""{"title":"Title","body":"{{new string('b', 20_001)}}"}""" },
        { "POST", "tags", $$"""{"title":"Title","body":"Text","tags":[{{string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"t{i}\""))}}]}""" },
        { "POST", "tags", $$"""{"title":"Title","body":"Text","tags":["{{new string('x', 51)}}"]}""" },
        { "PATCH", "title", """{"title":""}""" },
        { "PATCH", "body", $$"""{"body":"{{new string('b', 20_001)}}"}""" },
        { "PATCH", "tags", $$"""{"tags":["{{new string('x', 51)}}"]}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidWrites))]
    public async Task Invalid_article_is_refused_naming_the_field(string method, string field, string json)
    {
        var (_, _, client) = await NewTenantAsync();
        var id = await CreateArticleAsync(client, "Original", "Original body");
        using var request = new HttpRequestMessage(new HttpMethod(method), method == "POST" ? "/api/knowledge" : $"/api/knowledge/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal("Original", (await (await client.GetAsync($"/api/knowledge/{id}")).BodyAsync()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("POST", "not json")]
    [InlineData("POST", """{"title":"Title","body":"Text","tags":"one"}""")]
    [InlineData("POST", """{"title":1,"body":"Text"}""")]
    [InlineData("PATCH", """{"isPublished":"yes"}""")]
    [InlineData("PATCH", """{"tags":[1,2]}""")]
    public async Task A_body_of_the_wrong_shape_is_a_400_problem(string method, string json)
    {
        var (_, _, client) = await NewTenantAsync();
        var id = await CreateArticleAsync(client, "Original", "Original body");
        using var request = new HttpRequestMessage(new HttpMethod(method), method == "POST" ? "/api/knowledge" : $"/api/knowledge/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
    }

    [Theory]
    [InlineData("/api/knowledge?limit=0", "limit")]
    [InlineData("/api/knowledge?offset=-1", "offset")]
    [InlineData("/api/knowledge/search", "q")]
    [InlineData("/api/knowledge/search?q=%20", "q")]
    [InlineData("/api/knowledge/search?q=hours&limit=21", "limit")]
    public async Task Invalid_list_or_search_is_refused_naming_the_parameter(string path, string field)
    {
        var (_, _, client) = await NewTenantAsync();
        await (await client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Odd_text_in_a_question_or_a_list_search_is_no_error()
    {
        var (_, _, client) = await NewTenantAsync();
        await CreateArticleAsync(client, "Opening hours", OpeningHours);

        Assert.Single((await SearchAsync(client, "opening\0hours?")).EnumerateArray());
        Assert.Empty((await SearchAsync(client, "' | & ! :* \\ (\"")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/knowledge?q=%00%27%7C%26%21")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/knowledge?tag=%00")).StatusCode);
    }

    [Fact]
    public async Task Agents_read_and_try_questions_but_only_owners_and_admins_write()
    {
        var (_, owner, client) = await NewTenantAsync();
        var id = await CreateArticleAsync(client, "Opening hours", OpeningHours);
        var accounts = new AccountsClient(App);
        using var agent = Client((await accounts.NewEmployeeAsync(owner, "agent")).AccessToken);
        using var admin = Client((await accounts.NewEmployeeAsync(owner, "admin")).AccessToken);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/knowledge")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/knowledge/{id}")).StatusCode);
        Assert.Equal([id], Ids(await SearchAsync(agent, "are you open on sunday?"), "articleId"));

        var writes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/api/knowledge", new { title = "Agent's", body = "Text" }),
            (HttpMethod.Patch, $"/api/knowledge/{id}", new { title = "Agent's" }),
            (HttpMethod.Delete, $"/api/knowledge/{id}", null),
        };
        foreach (var (method, path, body) in writes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await agent.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {response.StatusCode}");
        }

        Assert.Equal("Opening hours", (await (await client.GetAsync($"/api/knowledge/{id}")).BodyAsync()).GetProperty("title").GetString());
        await CreateArticleAsync(admin, "Parking", "Free parking behind the shop.");
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/knowledge/{id}", new { body = "Open every day." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/knowledge/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_business_cannot_read_change_delete_list_or_search_our_articles()
    {
        var (tenantA, _, a) = await NewTenantAsync("Ours");
        var id = await CreateArticleAsync(a, "Opening hours", OpeningHours, ["schedule"]);
        var (_, _, b) = await NewTenantAsync("Theirs");

        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/knowledge/{id}", null),
            (HttpMethod.Patch, $"/api/knowledge/{id}", new { title = "Taken" }),
            (HttpMethod.Delete, $"/api/knowledge/{id}", null),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await b.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {response.StatusCode}");
        }

        Assert.Empty((await (await b.GetAsync("/api/knowledge")).BodyAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await (await b.GetAsync("/api/knowledge?q=opening&tag=schedule")).BodyAsync()).GetProperty("items").EnumerateArray());
        Assert.Empty((await SearchAsync(b, "what are your opening hours on sunday?")).EnumerateArray());

        var article = await (await a.GetAsync($"/api/knowledge/{id}")).BodyAsync();
        Assert.Equal("Opening hours", article.GetProperty("title").GetString());
        Assert.Equal([id], Ids(await SearchAsync(a, "what are your opening hours on sunday?"), "articleId"));
        Assert.Single(await App.Service<IKnowledgeBase>().SearchAsync(tenantA.BusinessId, "opening hours on sunday", 5, CancellationToken.None));
    }

    [Fact]
    public async Task A_question_worded_unlike_the_title_finds_the_article_that_answers_it_and_an_unrelated_one_finds_nothing()
    {
        var (_, _, client) = await NewTenantAsync();
        var hours = await CreateArticleAsync(client, "Opening hours", OpeningHours, ["schedule"]);
        await CreateArticleAsync(client, "Payment methods", "We accept cash, Visa and Mastercard.", ["cards"]);
        await CreateArticleAsync(client, "Parking", "There is free parking behind the shop.");

        var matches = await SearchAsync(client, "what are your opening hours on sunday?");
        var best = Assert.Single(matches.EnumerateArray());
        Assert.Equal(hours, best.GetProperty("articleId").GetGuid());
        Assert.Equal("Opening hours", best.GetProperty("title").GetString());
        Assert.Equal(OpeningHours, best.GetProperty("body").GetString());
        Assert.Equal(1.0, best.GetProperty("coverage").GetDouble());
        Assert.True(best.GetProperty("rank").GetDouble() > 0);

        Assert.Equal([hours], Ids(await SearchAsync(client, "Are you open on Sundays?"), "articleId"));
        Assert.Empty((await SearchAsync(client, "Do you sell gift vouchers?")).EnumerateArray());
        Assert.Empty((await SearchAsync(client, "What is it?")).EnumerateArray());
    }

    [Fact]
    public async Task Unpublished_articles_are_not_used_to_answer_until_published()
    {
        var (tenant, _, client) = await NewTenantAsync();
        var draft = await CreateArticleAsync(client, "Opening hours", OpeningHours, isPublished: false);
        const string question = "when are you open on sunday?";

        Assert.Empty((await SearchAsync(client, question)).EnumerateArray());
        Assert.Empty(await App.Service<IKnowledgeBase>().SearchAsync(tenant.BusinessId, question, 5, CancellationToken.None));
        Assert.Equal([draft], Ids((await (await client.GetAsync("/api/knowledge")).BodyAsync()).GetProperty("items")));

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/knowledge/{draft}", new { isPublished = true })).StatusCode);
        Assert.Equal([draft], Ids(await SearchAsync(client, question), "articleId"));

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/knowledge/{draft}", new { isPublished = false })).StatusCode);
        Assert.Empty((await SearchAsync(client, question)).EnumerateArray());
    }
}
