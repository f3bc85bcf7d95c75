using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Plans;

/// <summary>Stops start-up with a message naming the plan setting at fault.</summary>
public sealed class PlanOptionsValidation : IValidateOptions<PlanOptions>
{
    public ValidateOptionsResult Validate(string? name, PlanOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
