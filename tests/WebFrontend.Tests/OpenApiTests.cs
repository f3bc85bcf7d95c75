using System.Net.Http.Json;
using System.Text.Json;

namespace Conversations.WebFrontend.Tests;

/// <summary>The OpenAPI document describes the API's routes, for integrators and generated clients.</summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiTests(AppFixture fixture)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task The_openapi_document_lists_the_api_routes_with_their_responses()
    {
        var document = await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("Conversations API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/conversations", "/api/messages", "/api/bookings", "/api/conversations/{id}/takeover", "/api/knowledge", "/api/templates" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document.");
        }

        var send = paths.GetProperty("/api/messages").GetProperty("post").GetProperty("responses");
        Assert.True(send.TryGetProperty("200", out _) || send.TryGetProperty("201", out _), send.GetRawText());
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_its_success_and_error_responses()
    {
        var document = await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                if (!op.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    missing.Add($"{name}: no summary");
                }

                var responses = op.TryGetProperty("responses", out var r) ? r.EnumerateObject().Select(p => p.Name).ToList() : [];
                if (!responses.Any(code => code.StartsWith('2') || code.StartsWith('3')))
                {
                    missing.Add($"{name}: no success response");
                }

                if (!responses.Any(code => code.StartsWith('4')))
                {
                    missing.Add($"{name}: no error response");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} gaps in the OpenAPI document:\n{string.Join('\n', missing)}");
    }
}
