using Conversations.Infrastructure.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Plans;

/// <summary>The problem a request gets when it would go beyond a limit of the business's plan.</summary>
public static class PlanProblems
{
    /// <summary>402 Payment Required, naming the limit (the field at fault), the plan, what is used and what is allowed.</summary>
    public static ProblemHttpResult LimitReached(PlanLimitRefusal refusal) =>
        TypedResults.Problem(
            title: refusal.Message,
            statusCode: StatusCodes.Status402PaymentRequired,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [refusal.Limit] = [refusal.Message] },
                ["limit"] = refusal.Limit,
                ["plan"] = refusal.Plan.Id,
                ["used"] = refusal.Used,
                ["allowed"] = refusal.Allowed,
            });
}
