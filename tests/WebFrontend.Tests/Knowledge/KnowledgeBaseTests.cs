using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conversations.Grains.Assistant;
using Conversations.Infrastructure.Database;
using Conversations.Infrastructure.Knowledge;
using Conversations.WebFrontend.Tests.Bookings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.WebFrontend.Tests.Knowledge;

/// <summary><see cref="PostgresKnowledgeBase"/> as the assistant calls it: ranking, coverage and its threshold.</summary>
[Collection(AppCollection.Name)]
public sealed class KnowledgeBaseTests(AppFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private async Task<(Guid BusinessId, HttpClient Owner)> NewTenantAsync()
    {
        var tenant = await App.CreateTenantAsync("Knowledge base");
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.LoginAsync(tenant));
        return (tenant.BusinessId, client);
    }

    private static async Task<Guid> CreateArticleAsync(HttpClient owner, string title, string body, params string[] tags)
    {
        using var response = await owner.PostAsJsonAsync("/api/knowledge", new { title, body, tags });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.BodyAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_word_in_the_title_outranks_it_in_the_body_which_outranks_it_in_the_tags()
    {
        var (businessId, owner) = await NewTenantAsync();
        var inTags = await CreateArticleAsync(owner, "Prices", "Our price list, updated every January.", "parking");
        var inBody = await CreateArticleAsync(owner, "Directions", "Take bus 12 or come by car: there is parking nearby.");
        var inTitle = await CreateArticleAsync(owner, "Parking", "Free spaces behind the shop.");
        await CreateArticleAsync(owner, "Gift vouchers", "Sold at the counter.");
        var knowledge = App.Service<IKnowledgeBase>();

        var matches = await knowledge.SearchAsync(businessId, "Is there parking?", 10, CancellationToken.None);
        Assert.Equal([inTitle, inBody, inTags], matches.Select(m => m.ArticleId));
        Assert.All(matches, m => Assert.Equal(1.0, m.Coverage));
        Assert.True(matches[0].Rank > matches[1].Rank && matches[1].Rank > matches[2].Rank, string.Join(", ", matches.Select(m => m.Rank)));

        Assert.Equal([inTitle], (await knowledge.SearchAsync(businessId, "Is there parking?", 1, CancellationToken.None)).Select(m => m.ArticleId));
        Assert.Empty(await knowledge.SearchAsync(businessId, "parking", 0, CancellationToken.None));
        Assert.Empty(await knowledge.SearchAsync(businessId, "   ", 5, CancellationToken.None));
    }

    [Fact]
    public async Task Coverage_is_the_share_of_the_question_an_article_holds_and_the_threshold_leaves_weak_matches_out()
    {
        var (businessId, owner) = await NewTenantAsync();
        var parking = await CreateArticleAsync(owner, "Parking", "Free spaces behind the shop, open day and night.");
        var knowledge = App.Service<IKnowledgeBase>();

        // park, night: both; park, bike, night: two of three; park, bike, insid(e), rain, helmet: one of five.
        Assert.Equal(1.0, Assert.Single(await knowledge.SearchAsync(businessId, "Can I park at night?", 5, CancellationToken.None)).Coverage);
        var twoOfThree = Assert.Single(await knowledge.SearchAsync(businessId, "Where do I park my bike at night?", 5, CancellationToken.None));
        Assert.Equal((parking, 2.0 / 3), (twoOfThree.ArticleId, twoOfThree.Coverage));
        const string weak = "Can I park my bike inside when it rains? I have a helmet.";
        Assert.Empty(await knowledge.SearchAsync(businessId, weak, 5, CancellationToken.None));

        var lenient = new PostgresKnowledgeBase(App.Service<TenantDatabase>(), Options.Create(new KnowledgeOptions { MinCoverage = 0.1 }));
        Assert.Equal(0.2, Assert.Single(await lenient.SearchAsync(businessId, weak, 5, CancellationToken.None)).Coverage);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("1.5")]
    public void A_coverage_threshold_outside_zero_to_one_is_refused(string value)
    {
        using var services = Provider(value);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KnowledgeOptions>>().Value);
        Assert.Contains(nameof(KnowledgeOptions.MinCoverage), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coverage_threshold_is_a_half_unless_configured()
    {
        using (var defaults = Provider(null))
        {
            Assert.Equal(0.5, defaults.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MinCoverage);
        }

        using var configured = Provider("0.75");
        Assert.Equal(0.75, configured.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MinCoverage);
    }

    private static ServiceProvider Provider(string? minCoverage)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(minCoverage is null ? [] : [new($"{KnowledgeOptions.Section}:MinCoverage", minCoverage)])
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddConversationsKnowledge().BuildServiceProvider();
    }
}
