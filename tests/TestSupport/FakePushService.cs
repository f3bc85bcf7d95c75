using Microsoft.AspNetCore.Http;

namespace Conversations.TestSupport;

/// <summary>A browser vendor's push service (RFC 8030): accepts an encrypted push message with 201 Created.</summary>
public sealed class FakePushService : FakeProviderServer
{
    protected override Task AnswerAsync(HttpContext context, string body)
    {
        context.Response.StatusCode = context.Request.Method == "POST" ? StatusCodes.Status201Created : StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    }
}
