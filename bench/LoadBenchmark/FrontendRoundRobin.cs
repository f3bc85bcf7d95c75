namespace Conversations.LoadBenchmark;

/// <summary>Spreads requests over several frontends (the split topology: any frontend serves any business).</summary>
public sealed class FrontendRoundRobin(IReadOnlyList<Uri> frontends) : DelegatingHandler(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 1024,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    private long next;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var frontend = frontends[(int)(Interlocked.Increment(ref next) % frontends.Count)];
        request.RequestUri = new Uri(frontend, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
