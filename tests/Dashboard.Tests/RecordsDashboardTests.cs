using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Dashboard.Tests;

/// <summary>The business-records pages (customers, services, opening hours, bookings) and the chat's customer panel.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RecordsDashboardTests(DashboardFixture fixture)
{
    private static string NewCustomerWaId() => Random.Shared.NextInt64(34_600_000_000, 34_699_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>Tomorrow in the business's zone (the tests' businesses are in UTC): always bookable from 09:00.</summary>
    private static DateOnly Tomorrow => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Customers_are_imported_from_a_CSV_with_a_report_of_the_bad_row_then_searched_and_filtered()
    {
        var owner = await fixture.SignUpAsync("Import Nails");
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("No customers yet.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        const string csv = """
            name,phone,email,tags,vip,favourite colour
            Bruno Import,+34611000001,bruno@example.com,regular;hair,yes,blue
            Carla Import,+34611000002,not-an-email,,no,red
            Dora Import,+34611000003,dora@example.com,nails,no,green
            """;

        // All or nothing: the bad row keeps the others out, and the report names it.
        await page.GetByLabel("Import nothing, and list the wrong rows").CheckAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        var report = page.GetByTestId("import-report");
        await Expect(report.GetByRole(AriaRole.Status)).ToContainTextAsync("Nothing was imported: 1 row(s) were rejected.");
        await ExpectRejectedRowAsync(page);

        // Row by row: the two good rows are in, the bad one reported with its line, column and reason.
        await page.GetByLabel("Import the other rows and list the wrong ones").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(report.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported, except 1 row(s). 2 new customer(s), 0 updated.");
        await ExpectRejectedRowAsync(page);
        await fixture.ScreenshotAsync(page, "customers-import");

        await report.GetByRole(AriaRole.Link, new() { Name = "See the customers" }).ClickAsync();
        var table = page.GetByTestId("customers");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await fixture.ScreenshotAsync(page, "customers");
        await page.GetByLabel("Search").FillAsync("bruno");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("Bruno Import");
        await Expect(table.GetByTestId("vip")).ToHaveCountAsync(1);
        await page.GetByLabel("Search").FillAsync("");
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("nails");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("Dora Import");
        await Expect(page).ToHaveURLAsync(new Regex("tag=nails"));
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("VIP", new() { Exact = true }).SelectOptionAsync("true");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("Bruno Import");

        // Saved as a segment, which sets the filters again later.
        await page.GetByText("Segments (saved filters)").ClickAsync();
        await page.GetByLabel("Save the current filters as").FillAsync("VIPs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save segment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the segment VIPs.");
        await page.GetByLabel("VIP", new() { Exact = true }).SelectOptionAsync("");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Segment").SelectOptionAsync(new SelectOptionValue { Label = "VIPs" });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);

        // A new customer: the API's problem shows at its field; fixed, the profile opens.
        await page.GetByRole(AriaRole.Link, new() { Name = "New customer" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Eva New");
        await page.GetByLabel("E-mail").FillAsync("eva@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        var email = page.GetByLabel("E-mail");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        var emailError = page.Locator(".field").Filter(new() { Has = email }).Locator(".error");
        await Expect(emailError).ToHaveTextAsync("Not an e-mail address.");
        Assert.Contains(await emailError.GetAttributeAsync("id") ?? "-", await email.GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        await email.FillAsync("eva@example.com");
        await page.GetByLabel("Tags").FillAsync("new, Walk-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Eva New" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Tags" }).First).ToContainTextAsync("walk-in");
        await page.GetByLabel("VIP customer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(page.Locator(".title-row").GetByTestId("vip")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "customer-profile");

        // The export is the CSV the import reads: name, phone, e-mail, tags…
        var download = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "← Customers" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync();
        });
        Assert.Equal("customers.csv", download.SuggestedFilename);
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Bruno Import", exported, StringComparison.Ordinal);
        Assert.Contains("eva@example.com", exported, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static async Task ExpectRejectedRowAsync(IPage page)
    {
        var rows = page.GetByTestId("import-errors").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(rows.Locator("td").Nth(1)).ToHaveTextAsync("email");
        await Expect(rows.Locator("td").Nth(2)).ToHaveTextAsync("Not an e-mail address.");
    }
}
