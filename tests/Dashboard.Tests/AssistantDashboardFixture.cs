using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conversations.TestSupport;

namespace Conversations.Dashboard.Tests;

/// <summary>The dashboard with the assistant running, and a fake OpenAI-compatible server for businesses that use a model.</summary>
public sealed class AssistantDashboardFixture : DashboardFixture
{
    public FakeOpenAiServer Model { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync()
    {
        await Model.StartAsync();
        return new Dictionary<string, string>
        {
            ["Conversations:Assistant:Enabled"] = "true",
            ["Conversations:Assistant:RetryDelay"] = "00:00:00.100",
        };
    }

    /// <summary>Points the owner's business at the fake model server with its own model id.</summary>
    public async Task UseModelAsync(Owner owner, string model)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/settings/ai")
        {
            Content = JsonContent.Create(new { provider = "openai", baseUrl = Model.Endpoint, model, apiKey = "sk-dashboard" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(owner));
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AssistantDashboardCollection : ICollectionFixture<AssistantDashboardFixture>
{
    public const string Name = "dashboard-assistant";
}
