using System.Security.Claims;
using System.Text.Json;
using Conversations.Infrastructure.Media;
using Conversations.Infrastructure.Roles;
using Conversations.Infrastructure.Settings;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Settings;

/// <summary>
/// The business's settings as one document — <c>general</c> (name, time zone, language, business hours, away
/// message), <c>ai</c> (the assistant) and <c>branding</c> (logo, colours) — read with <c>settings.read</c> and changed,
/// any part at a time, with <c>settings.manage</c>; the parts that older endpoints guard with their own permission
/// ask for it too (<c>ai</c>: <c>assistant.manage</c>; business hours: <c>services.manage</c>), so a role gets no more
/// through this document than through them. Every change is recorded in the activity log, field by field.
/// </summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings").WithTags("Settings");
        settings.MapGet("/", GetAsync).RequirePermission(Permissions.SettingsRead);
        settings.MapPatch("/", UpdateAsync).RequirePermission(Permissions.SettingsManage);
        return app;
    }

    /// <summary>The business's settings document: general (name, time zone, language, opening hours, away message), assistant and branding.</summary>
    internal static async Task<Ok<SettingsView>> GetAsync(ClaimsPrincipal user, BusinessSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(SettingsView.From(await store.ReadAsync(user.GetBusinessId(), cancellationToken)));

    /// <summary>A JSON merge patch of the document (<see cref="SettingsPatch"/>): all of it is checked, and all of it or nothing is saved.</summary>
    internal static async Task<Results<Ok<SettingsView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        HttpRequest request, ClaimsPrincipal user, BusinessSettingsStore store, MediaStore media, EmployeeAccess access, ActivityRecorder activity,
        CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return FieldProblems.Of(StatusCodes.Status400BadRequest, "body", "A JSON object with any of general, ai and branding.");
        }

        foreach (var (section, permission) in SettingsPatch.GuardedSections(body))
        {
            if (!await access.HasAsync(user, permission, cancellationToken))
            {
                return FieldProblems.Of(StatusCodes.Status403Forbidden, section, $"Changing {section} needs the {permission} permission.");
            }
        }

        var businessId = user.GetBusinessId();
        var logo = SettingsPatch.RequestedLogo(body) is { } logoId ? await media.FindAsync(businessId, logoId, cancellationToken) : null;
        var patch = new SettingsPatch(logo);
        var update = await store.UpdateAsync(businessId, user.GetEmployeeId(), current => patch.Apply(body, current), cancellationToken);
        switch (update.Outcome)
        {
            case BusinessSettingsOutcome.Refused:
                return TypedResults.ValidationProblem(patch.Errors);
            case BusinessSettingsOutcome.LogoNotFound:
                return FieldProblems.Of(StatusCodes.Status400BadRequest, "branding.logoMediaId", "The image was deleted; choose another.");
        }

        var after = SettingsView.From(update.After!);
        await SettingsChanges.RecordAsync(activity, null, SettingsView.From(update.Before), after, (patch.ApiKey, update.Before.Ai.HasApiKey));
        return TypedResults.Ok(after);
    }
}
