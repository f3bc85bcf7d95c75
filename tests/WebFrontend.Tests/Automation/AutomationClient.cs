using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Grains.Interfaces;

namespace Conversations.WebFrontend.Tests.Automation;

/// <summary>An employee's calls to the automation, handling and notification APIs, as the tests make them.</summary>
public sealed class AutomationClient(ConversationsApp app, string accessToken) : IDisposable
{
    public HttpClient Http { get; } = Authorized(app, accessToken);

    public static HttpClient Authorized(ConversationsApp app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task<Guid> CreateAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> ConversationAsync(Guid conversationId) =>
        await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}");

    public async Task<Guid?> AssigneeAsync(Guid conversationId) =>
        (await ConversationAsync(conversationId)).GetProperty("assigneeId") is { ValueKind: JsonValueKind.String } id ? id.GetGuid() : null;

    public async Task<IReadOnlyList<JsonElement>> ExecutionsAsync(Guid conversationId) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/automation/executions?conversationId={conversationId}")).EnumerateArray().ToList();

    public async Task<IReadOnlyList<JsonElement>> NotificationsAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("/api/notifications")).EnumerateArray().ToList();

    public async Task<IReadOnlyList<JsonElement>> MessagesAsync(Guid conversationId) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/messages?conversationId={conversationId}")).GetProperty("messages").EnumerateArray().ToList();

    public static Guid ConversationOf(TestTenant tenant, string customer) => ConversationIds.For(tenant.BusinessId, customer);

    public void Dispose() => Http.Dispose();
}
