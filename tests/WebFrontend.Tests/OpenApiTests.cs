using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
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

                // An anonymous operation without parameters or a body (the public plan list) has nothing to refuse.
                var refusesNothing = !op.TryGetProperty("security", out _) && !op.TryGetProperty("parameters", out _) && !op.TryGetProperty("requestBody", out _);
                if (!responses.Any(code => code.StartsWith('4')) && !refusesNothing)
                {
                    missing.Add($"{name}: no error response");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} gaps in the OpenAPI document:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public async Task Refusals_before_the_handler_are_documented_as_problem_details_naming_the_permission()
    {
        var document = await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("ProblemDetails", out _));
        Assert.Equal(400, schemas.GetProperty("HttpValidationProblemDetails").GetProperty("examples")[0].GetProperty("status").GetInt32());

        var paths = document.GetProperty("paths");
        var create = paths.GetProperty("/api/bookings").GetProperty("post").GetProperty("responses");
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchema(create, "401"));
        Assert.Equal("#/components/schemas/ProblemDetails", ProblemSchema(create, "403"));
        Assert.Contains("`bookings.write`", create.GetProperty("403").GetProperty("description").GetString());
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", ProblemSchema(create, "400"));

        Assert.Contains("platform administrator", paths.GetProperty("/api/platform/businesses").GetProperty("get").GetProperty("responses")
            .GetProperty("403").GetProperty("description").GetString());
        Assert.Contains("Stripe-Signature", paths.GetProperty("/api/webhook/stripe").GetProperty("post").GetProperty("responses")
            .GetProperty("401").GetProperty("description").GetString());
        Assert.Contains("X-Hub-Signature-256", paths.GetProperty("/api/webhook/whatsapp").GetProperty("post").GetProperty("responses")
            .GetProperty("401").GetProperty("description").GetString());
        Assert.False(paths.GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(paths.GetProperty("/calendar/{secret}.ics").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("text/calendar", out _));

        var login = paths.GetProperty("/api/auth/login").GetProperty("post");
        Assert.Equal("Bearer", login.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("tokenType").GetString());
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Contains(paths.GetProperty("/api/bookings").GetProperty("post").GetProperty("security").EnumerateArray(), r => r.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task The_reference_page_is_public_and_loads_its_script_and_the_document_from_the_app_itself()
    {
        using var client = fixture.App.CreateClient();
        using var page = await client.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();

        // The page names the document relative to the app's base path, which its script works out from the page's own URL.
        var pageUri = page.RequestMessage!.RequestUri!;
        Assert.Equal("/api/reference/", pageUri.AbsolutePath);
        var source = Regex.Match(html, "\"url\":\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal("openapi/v1.json", source);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(new Uri(pageUri, "/"), source))).StatusCode);

        var scripts = Regex.Matches(html, "<script[^>]*\\ssrc=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("scalar.js", scripts);
        foreach (var src in scripts)
        {
            Assert.False(src.StartsWith("//", StringComparison.Ordinal) || src.Contains("://", StringComparison.Ordinal), $"{src} is not served by the app.");
            using var script = await client.GetAsync(new Uri(pageUri, src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }

        // The bundle itself, not a stub that fetches it from elsewhere.
        Assert.True((await client.GetByteArrayAsync(new Uri(pageUri, "scalar.js"))).Length > 1_000_000);
    }

    private static string? ProblemSchema(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
}
