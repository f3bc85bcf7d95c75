using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conversations.Infrastructure.Activity;
using Conversations.Infrastructure.Customers;
using Conversations.Infrastructure.Roles;
using Conversations.WebFrontend.Activity;
using Conversations.WebFrontend.Auth;
using Conversations.WebFrontend.Bookings;
using Conversations.WebFrontend.Roles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.WebFrontend.Customers;

/// <summary>
/// The business's customers: listed and searched with <c>customers.read</c>, created and edited with
/// <c>customers.write</c>; importing, exporting and deleting or erasing have permissions of their own. Customers who write on WhatsApp are added by the database itself
/// (see <c>0005_bookings.sql</c>).
/// </summary>
public static partial class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/", ListAsync).RequirePermission(Permissions.CustomersRead);
        customers.MapPost("/", CreateAsync).RequirePermission(Permissions.CustomersWrite);
        customers.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.CustomersRead);
        customers.MapPatch("/{id:guid}", UpdateAsync).RequirePermission(Permissions.CustomersWrite);
        customers.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.CustomersErase);
        customers.MapGet("/export", CustomerTransferApi.ExportCsvAsync).RequirePermission(Permissions.CustomersExport)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .RecordsActivity(ActivityActions.CustomersExported, "customers");
        customers.MapPost("/import", CustomerTransferApi.ImportAsync).RequirePermission(Permissions.CustomersImport).DisableAntiforgery();
        customers.MapGet("/{id:guid}/export", CustomerTransferApi.ExportPersonalDataAsync).RequirePermission(Permissions.CustomersExport)
            .RecordsActivity(ActivityActions.CustomerDataExported, "customer");
        customers.MapPost("/{id:guid}/erase", CustomerTransferApi.EraseAsync).RequirePermission(Permissions.CustomersErase);
        app.MapCustomerSegmentsApi();
        return app;
    }

    /// <summary>The business's customers, a page at a time, searched by name or phone and filtered by tag or VIP status.</summary>
    internal static async Task<Results<Ok<CustomerPage>, ValidationProblem>> ListAsync(
        string? search, string? tag, bool? vip, string? cursor, int? limit, ClaimsPrincipal user, CustomerDirectory customers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (cursor is not null && !CustomerCursor.TryDecode(cursor, out _, out _))
        {
            errors["cursor"] = ["Not a cursor this API returned."];
        }

        if (limit is < 1 or > 200)
        {
            errors["limit"] = ["1 to 200."];
        }

        if (search is { Length: > 200 })
        {
            errors["search"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await customers.ListAsync(user.GetBusinessId(), new CustomerFilter(search, tag, vip), cursor, limit ?? 50, cancellationToken));
    }

    /// <summary>One customer of the business.</summary>
    internal static async Task<Results<Ok<CustomerRecord>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CustomerDirectory customers, CancellationToken cancellationToken) =>
        await customers.GetAsync(user.GetBusinessId(), id, cancellationToken) is { } customer
            ? TypedResults.Ok(customer)
            : FieldProblems.NotFound("customer");

    /// <summary>Adds a customer; the phone number is normalized to E.164 (using region, or the business's default region).</summary>
    internal static async Task<Results<Created<CustomerRecord>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CustomerRequest? request, ClaimsPrincipal user, CustomerDirectory customers, TimeProvider time, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var errors = new Dictionary<string, string[]>();
        var draft = await ValidateAsync(request ?? Empty, null, businessId, customers, errors, cancellationToken);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await customers.CreateAsync(businessId, draft, time.GetUtcNow(), cancellationToken);
        return result.Customer is { } created
            ? TypedResults.Created($"/api/customers/{created.Id}", created)
            : FieldProblems.Conflict(result.DuplicateField!, "Another customer already has this value.");
    }

    /// <summary>Changes a customer's name, phone, e-mail, tags, VIP status, attributes or region; fields left out keep their value.</summary>
    internal static async Task<Results<Ok<CustomerRecord>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, CustomerRequest? request, ClaimsPrincipal user, CustomerDirectory customers, TimeProvider time, CancellationToken cancellationToken)
    {
        var businessId = user.GetBusinessId();
        var current = await customers.GetAsync(businessId, id, cancellationToken);
        if (current is null || current.ErasedAt is not null)
        {
            return FieldProblems.NotFound("customer");
        }

        var errors = new Dictionary<string, string[]>();
        var draft = await ValidateAsync(request ?? Empty, current, businessId, customers, errors, cancellationToken);
        if (draft is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await customers.UpdateAsync(businessId, id, draft, time.GetUtcNow(), cancellationToken);
        return result switch
        {
            { Customer: { } updated } => TypedResults.Ok(updated),
            { NotFound: true } => FieldProblems.NotFound("customer"),
            _ => FieldProblems.Conflict(result.DuplicateField!, "Another customer already has this value."),
        };
    }

    /// <summary>Deletes a customer without bookings; one with bookings is refused with 409 (erase them instead).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, CustomerDirectory customers, CancellationToken cancellationToken) =>
        await customers.DeleteAsync(user.GetBusinessId(), id, cancellationToken) switch
        {
            true => TypedResults.NoContent(),
            false => FieldProblems.Conflict("id", "The customer has bookings, which are kept for accounting; erase the customer instead."),
            null => FieldProblems.NotFound("customer"),
        };

    private static readonly CustomerRequest Empty = new(null, null, null, null, null, null, null, null);

    private static async Task<CustomerDraft?> ValidateAsync(
        CustomerRequest request, CustomerRecord? current, Guid businessId, CustomerDirectory customers, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var name = Text(request.Name, current?.Name);
        if (name is { Length: > 200 })
        {
            errors["name"] = ["At most 200 characters."];
        }

        var waId = Text(request.WaId, current?.WaId);
        if (waId is not null && !WaId().IsMatch(waId))
        {
            errors["waId"] = ["The WhatsApp id: the number's digits with country code, no '+'."];
        }

        if (request.Region is { } region && !CustomerPhones.IsKnownRegion(region))
        {
            errors["region"] = ["An ISO 3166 alpha-2 region, e.g. ES."];
        }

        var phone = current?.Phone;
        if (request.Phone is not null)
        {
            if (request.Phone.Trim().Length == 0)
            {
                phone = null;
            }
            else
            {
                var (e164, error) = CustomerPhones.Normalize(request.Phone, request.Region ?? await customers.DefaultRegionAsync(businessId, cancellationToken));
                phone = e164;
                if (error is not null)
                {
                    errors["phone"] = [error];
                }
            }
        }

        var email = Text(request.Email, current?.Email)?.ToLowerInvariant();
        if (email is not null && !CustomerFields.IsEmail(email))
        {
            errors["email"] = ["Not an e-mail address."];
        }

        var tags = request.Tags is null ? current?.Tags ?? [] : CustomerFields.NormalizeTags(request.Tags);
        if (CustomerFields.TagsError(tags) is { } tagsError)
        {
            errors["tags"] = [tagsError];
        }

        var attributes = current?.Attributes.GetRawText() ?? "{}";
        if (request.Attributes is { } json)
        {
            if (json.ValueKind != JsonValueKind.Object || json.GetRawText().Length > 16_384)
            {
                errors["attributes"] = ["A JSON object of at most 16 KB."];
            }
            else
            {
                attributes = json.GetRawText();
            }
        }

        if (current is null && name is null && phone is null && waId is null && !errors.ContainsKey("phone"))
        {
            errors["name"] = ["Give at least a name, a phone or a WhatsApp id."];
        }

        return errors.Count > 0 ? null : new CustomerDraft(name, waId, phone, email, tags, request.IsVip ?? current?.IsVip ?? false, attributes);
    }

    private static string? Text(string? value, string? current) =>
        value is null ? current : value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    [GeneratedRegex(@"^[1-9]\d{6,14}$")]
    private static partial Regex WaId();
}
