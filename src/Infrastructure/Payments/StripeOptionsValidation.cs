using Microsoft.Extensions.Options;

namespace Conversations.Infrastructure.Payments;

/// <summary>Stops start-up with a message naming the Stripe setting at fault.</summary>
public sealed class StripeOptionsValidation : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        if (options.SecretKey is { Length: > 0 } key && key.Any(char.IsWhiteSpace))
        {
            return ValidateOptionsResult.Fail($"{StripeOptions.Section}:SecretKey contains whitespace.");
        }

        var empty = options.PlanPrices.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Value));
        return empty.Key is not null
            ? ValidateOptionsResult.Fail($"{StripeOptions.Section}:PlanPrices:{empty.Key} is empty; give the plan's Stripe price id or remove it.")
            : ValidateOptionsResult.Success;
    }
}
