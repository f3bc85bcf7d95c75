namespace Conversations.WebFrontend.Services;

/// <summary>A date ("2026-12-25") closed (no opens/closes) or open at other hours.</summary>
public sealed record ExceptionRequest(string? Date, string? Opens, string? Closes, string? Reason);
