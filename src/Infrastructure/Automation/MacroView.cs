using Conversations.Grains.Interfaces.Models;

namespace Conversations.Infrastructure.Automation;

public sealed record MacroView(Guid Id, string Name, IReadOnlyList<AutomationAction> Actions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
