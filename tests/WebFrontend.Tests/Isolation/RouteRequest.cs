namespace Conversations.WebFrontend.Tests.Isolation;

/// <summary>A request to a route, aimed at business A's resources; JSON <paramref name="Body"/> or a CSV file.</summary>
public sealed record RouteRequest(string Path, object? Body = null, string? Csv = null)
{
    public HttpContent? Content() =>
        Csv is not null ? new StringContent(Csv, System.Text.Encoding.UTF8, "text/csv")
        : Body is not null ? System.Net.Http.Json.JsonContent.Create(Body)
        : null;
}
