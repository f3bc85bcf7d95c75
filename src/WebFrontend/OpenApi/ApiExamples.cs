using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Conversations.WebFrontend.OpenApi;

/// <summary>Examples of the shapes an integrator meets first: the problems, and logging in.</summary>
public static class ApiExamples
{
    private const string Json = "application/json";

    public static JsonNode ValidationProblem() => new JsonObject
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ["title"] = "One or more validation errors occurred.",
        ["status"] = 400,
        ["errors"] = new JsonObject { ["start"] = new JsonArray("An ISO 8601 date and time with offset.") },
    };

    public static JsonNode PermissionProblem() => new JsonObject
    {
        ["title"] = "Your role does not grant the permission 'bookings.write'.",
        ["status"] = 403,
        ["errors"] = new JsonObject { ["permission"] = new JsonArray("bookings.write") },
    };

    public static Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod == HttpMethods.Post && context.Description.RelativePath?.TrimEnd('/') == "api/auth/login")
        {
            SetExample(operation.RequestBody?.Content, Json, new JsonObject { ["email"] = "owner@example.com", ["password"] = "correct horse battery staple" });
            SetExample(operation.Responses?.GetValueOrDefault("200")?.Content, Json, new JsonObject
            {
                ["accessToken"] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…",
                ["tokenType"] = "Bearer",
                ["expiresAt"] = "2026-11-26T10:15:00+00:00",
                ["refreshToken"] = "3q2-7wAAAAAAAAAAAAAAAA…",
                ["refreshTokenExpiresAt"] = "2026-12-26T10:00:00+00:00",
                ["sessionId"] = "0193a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
                ["employee"] = new JsonObject
                {
                    ["id"] = "0193a3c4-0000-7000-8000-000000000001",
                    ["businessId"] = "0193a3c4-0000-7000-8000-000000000002",
                    ["email"] = "owner@example.com",
                    ["displayName"] = "Ana Owner",
                    ["role"] = "owner",
                    ["emailVerified"] = true,
                    ["permissions"] = new JsonArray("conversations.read", "conversations.reply", "bookings.write"),
                },
                ["twoFactorSetupRequired"] = false,
            });
        }

        return Task.CompletedTask;
    }

    private static void SetExample(IDictionary<string, OpenApiMediaType>? content, string contentType, JsonNode example)
    {
        if (content?.TryGetValue(contentType, out var media) == true)
        {
            media.Example = example;
        }
    }
}
