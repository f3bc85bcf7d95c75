namespace Conversations.WebFrontend.Activity;

/// <summary>What a request did, for <see cref="ActivityEndpoints.RecordsActivity{TBuilder}(TBuilder, Func{EndpointFilterInvocationContext, ActivityEvent?})"/>.</summary>
public sealed record ActivityEvent(string Action, string TargetType, object? TargetId);
