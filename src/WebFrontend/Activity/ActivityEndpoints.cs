using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Activity;

public static class ActivityEndpoints
{
    /// <summary>
    /// Records <paramref name="action"/> on the route's <c>{id}</c> whenever the endpoint succeeds, for endpoints whose
    /// success is the whole event (a takeover, an export): one line where the route is mapped, nothing in the handler.
    /// </summary>
    public static TBuilder RecordsActivity<TBuilder>(this TBuilder builder, string action, string targetType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RecordsActivity(context => new ActivityEvent(action, targetType, context.HttpContext.GetRouteValue("id")));

    /// <summary>Records what <paramref name="describe"/> makes of the request (null: nothing) whenever the endpoint succeeds.</summary>
    public static TBuilder RecordsActivity<TBuilder>(this TBuilder builder, Func<EndpointFilterInvocationContext, ActivityEvent?> describe)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (Succeeded(result) && describe(context) is { } happened)
            {
                await ActivityRecorder.For(context.HttpContext).RecordAsync(happened.Action, happened.TargetType, happened.TargetId);
            }

            return result;
        });

    private static bool Succeeded(object? result) => result switch
    {
        INestedHttpResult nested => Succeeded(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status is >= 200 and < 300,
        _ => true,
    };
}
