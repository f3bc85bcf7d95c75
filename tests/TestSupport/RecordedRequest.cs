namespace Conversations.TestSupport;

public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, int StatusCode, DateTimeOffset At);
