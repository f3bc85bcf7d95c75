using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Bookings;

/// <summary>RFC 7807 problems that name the request field at fault, for the business-records APIs.</summary>
public static class FieldProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"No such {what}.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Of(int status, string field, string message) =>
        TypedResults.Problem(
            title: message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ProblemHttpResult Conflict(string field, string message) => Of(StatusCodes.Status409Conflict, field, message);

    public static ProblemHttpResult Forbidden(string message) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status403Forbidden);
}
