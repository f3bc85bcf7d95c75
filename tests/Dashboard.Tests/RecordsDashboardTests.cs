using System.Globalization;
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
    public async Task A_booking_made_in_the_calendar_appears_in_the_customer_panel_of_the_conversation()
    {
        var owner = await fixture.SignUpAsync("Panel Barbers");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        await OpenEveryDayAsync(api);
        await api.SendAsync(HttpMethod.Post, "/api/services", new { name = "Haircut", priceMinor = 2500, currency = "EUR", durationMinutes = 30 });
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Ana Panel", "Can I get a haircut tomorrow?");

        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bookings", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bookings", Exact = true })).ToBeVisibleAsync();
        var tomorrow = Tomorrow;
        if (MondayOf(tomorrow) != MondayOf(DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        }

        var column = page.Locator($"section.day-column[data-date='{Iso(tomorrow)}']");
        await column.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^\\+ Book on") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New booking" })).ToBeVisibleAsync();
        // A new business has a free consultation; this one also cuts hair.
        var haircut = await page.Locator("select[name=serviceId] option", new() { HasText = "Haircut" }).GetAttributeAsync("value");
        await page.GetByLabel("Service").SelectOptionAsync(haircut!);
        await Expect(page.GetByLabel("Date")).ToHaveValueAsync(Iso(tomorrow));
        await page.GetByLabel("Find a customer").FillAsync("Ana Panel");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Choose Ana Panel") }).ClickAsync();
        await Expect(page.GetByTestId("chosen-customer")).ToHaveTextAsync("Ana Panel");
        await page.GetByRole(AriaRole.Radio, new() { Name = "09:00", Exact = true }).CheckAsync();
        await fixture.ScreenshotAsync(page, "booking-new");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Book .*09:00$") }).ClickAsync();

        // Back in the calendar, in tomorrow's column at 09:00.
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Booked Haircut for Ana Panel");
        var block = column.Locator("a.booking-block");
        await Expect(block).ToHaveCountAsync(1);
        await Expect(block).ToContainTextAsync("09:00–09:30");
        await Expect(block).ToContainTextAsync("Haircut");
        await Expect(block).ToContainTextAsync("Ana Panel");
        await fixture.ScreenshotAsync(page, "bookings-calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "List", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("bookings-list")).ToContainTextAsync("Ana Panel");
        await fixture.ScreenshotAsync(page, "bookings-list");

        // The chat with Ana: the panel beside it shows the booking, and marks her VIP.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
        await BrowserSession.Conversation(page, "Ana Panel").ClickAsync();
        var panel = page.GetByTestId("customer-panel");
        await Expect(panel.GetByTestId("upcoming-bookings")).ToContainTextAsync("Haircut");
        await Expect(panel.GetByTestId("upcoming-bookings")).ToContainTextAsync("09:00");
        await Expect(panel.GetByTestId("vip")).ToHaveCountAsync(0);
        await panel.GetByRole(AriaRole.Button, new() { Name = "VIP customer" }).ClickAsync();
        await Expect(panel.GetByTestId("vip")).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "VIP customer" })).ToHaveAttributeAsync("aria-pressed", "true");
        await panel.GetByLabel("Add a note").FillAsync("Prefers <b>short</b> on the sides");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Expect(panel.GetByTestId("notes")).ToContainTextAsync("Prefers <b>short</b> on the sides");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Internal notes (1)" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "chat-customer-panel");

        // Her profile, one click away: VIP, the booking, the note and the conversation.
        await panel.GetByRole(AriaRole.Link, new() { Name = "Ana Panel", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ana Panel", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".title-row").GetByTestId("vip")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Bookings" })).ToContainTextAsync("Haircut");
        await Expect(page.GetByTestId("notes-count")).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Conversations" })).ToContainTextAsync("1 internal note");
        await page.GoBackAsync();
        await Expect(panel.GetByTestId("upcoming-bookings")).ToContainTextAsync("Haircut");

        // Phone width: the panel is behind a button and takes the chat's place.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(panel).ToHaveCountAsync(0);
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Customer details" });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(panel.GetByTestId("upcoming-bookings")).ToContainTextAsync("Haircut");
        await Expect(page.Locator("ol.messages")).ToBeHiddenAsync();
        await fixture.ScreenshotAsync(page, "chat-customer-panel-phone");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Hide the customer panel" }).ClickAsync();
        await Expect(page.Locator("ol.messages")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_booking_is_confirmed_rescheduled_and_shows_the_APIs_conflicts()
    {
        var owner = await fixture.SignUpAsync("Rules Spa");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        await OpenEveryDayAsync(api);
        var service = await api.SendAsync(HttpMethod.Post, "/api/services", new { name = "Facial", priceMinor = 4000, currency = "EUR", durationMinutes = 60 });
        var serviceId = service.GetProperty("id").GetString();
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Rita Rules", "Hello");
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Omar Other", "Hi");
        var rita = await CustomerIdAsync(api, "Rita Rules");
        var omar = await CustomerIdAsync(api, "Omar Other");
        var day = Iso(Tomorrow);
        var booking = await api.SendAsync(HttpMethod.Post, "/api/bookings", new { serviceId, customerId = rita, start = $"{day}T09:00:00+00:00", status = "pending" });
        var bookingId = booking.GetProperty("id").GetString();

        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        await page.GotoAsync($"/bookings/{bookingId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Facial for Rita Rules" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("booking-status")).ToHaveTextAsync("Pending");
        // Only what the API allows from pending: confirm or cancel.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark completed" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("booking-status")).ToHaveTextAsync("Confirmed");

        // Reschedule to 11:00: meanwhile someone else takes 11:00, so the API answers 409 next to the times.
        var reschedule = page.GetByRole(AriaRole.Form, new() { Name = "Reschedule" });
        await reschedule.GetByRole(AriaRole.Radio, new() { Name = "11:00", Exact = true }).CheckAsync();
        await api.SendAsync(HttpMethod.Post, "/api/bookings", new { serviceId, customerId = omar, start = $"{day}T11:00:00+00:00", status = "confirmed" });
        await reschedule.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Move to") }).ClickAsync();
        await Expect(reschedule.Locator(".error")).ToHaveTextAsync("This slot is already booked.");
        await Expect(reschedule.GetByRole(AriaRole.Radio, new() { Name = "11:00", Exact = true })).ToHaveCountAsync(0);
        await reschedule.GetByRole(AriaRole.Radio, new() { Name = "13:00", Exact = true }).CheckAsync();
        await reschedule.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Move to") }).ClickAsync();
        await Expect(page.GetByTestId("booking-when")).ToContainTextAsync("13:00–14:00");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved to");
        await fixture.ScreenshotAsync(page, "booking-details");

        // Cancelled elsewhere: completing it now is refused, and the page says why.
        await api.SendAsync(HttpMethod.Delete, $"/api/bookings/{bookingId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark completed" }).ClickAsync();
        await Expect(page.Locator("#booking-status-error")).ToHaveTextAsync("A cancelled booking cannot become completed.");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("booking-status")).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Reschedule" })).ToHaveCountAsync(0);
        await Expect(page.GetByText("A cancelled booking is final.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

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

    [Fact]
    public async Task A_service_is_created_edited_and_read_back_with_its_own_hours_and_the_business_hours_are_saved()
    {
        var owner = await fixture.SignUpAsync("Editor Massage");
        var page = await fixture.NewPageAsync();
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);

        // The business's hours: Monday, copied to the other weekdays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("services")).ToContainTextAsync("Consultation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Opening hours" }).ClickAsync();
        var monday = page.GetByRole(AriaRole.Group, new() { Name = "Monday", Exact = true });
        await monday.GetByRole(AriaRole.Button, new() { Name = "Open on Monday" }).ClickAsync();
        await monday.GetByLabel("Opens").FillAsync("09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy Monday's hours to Tuesday–Friday" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Friday", Exact = true }).GetByLabel("Opens")).ToHaveValueAsync("09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save opening hours" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opening hours saved.");
        await fixture.ScreenshotAsync(page, "opening-hours");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Thursday", Exact = true }).GetByLabel("Closes")).ToHaveValueAsync("17:00");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Saturday", Exact = true })).ToContainTextAsync("Closed");

        // A new service with everything the editor has.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Services" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New service" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Deep tissue massage");
        await page.GetByLabel("Description").FillAsync("Sixty minutes, <strong> pressure.");
        await page.GetByLabel("Price").FillAsync("45.50");
        await page.GetByLabel("Currency").FillAsync("eur");
        await page.GetByLabel("Duration (minutes)").FillAsync("60");
        await page.GetByLabel("Buffer after (minutes)").FillAsync("15");
        await page.GetByLabel("Olivia Owner").CheckAsync();
        await page.GetByLabel("Its own weekly hours").CheckAsync();
        var ownMonday = page.GetByRole(AriaRole.Group, new() { Name = "Monday", Exact = true });
        await ownMonday.GetByRole(AriaRole.Button, new() { Name = "Open on Monday" }).ClickAsync();
        await ownMonday.GetByLabel("Opens").FillAsync("10:00");
        await ownMonday.GetByLabel("Closes").FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a date" }).ClickAsync();
        var holiday = page.GetByRole(AriaRole.Group, new() { Name = "Date 1", Exact = true });
        await holiday.GetByLabel("Date").FillAsync("2027-01-06");
        await holiday.GetByLabel("Reason").FillAsync("Epiphany");

        // Closing before opening: the API's problem shows at the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();
        var closes = ownMonday.GetByLabel("Closes");
        await Expect(closes).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(ownMonday.Locator(".error")).ToHaveTextAsync("Must be after opens.");
        await closes.FillAsync("14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deep tissue massage" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Service created.");

        // Read back after a reload: every field as saved.
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Deep tissue massage");
        await Expect(page.GetByLabel("Description")).ToHaveValueAsync("Sixty minutes, <strong> pressure.");
        await Expect(page.GetByLabel("Price")).ToHaveValueAsync("45.50");
        await Expect(page.GetByLabel("Currency")).ToHaveValueAsync("EUR");
        await Expect(page.GetByLabel("Duration (minutes)")).ToHaveValueAsync("60");
        await Expect(page.GetByLabel("Buffer after (minutes)")).ToHaveValueAsync("15");
        await Expect(page.GetByLabel("Olivia Owner")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Active (can be booked)")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Its own weekly hours")).ToBeCheckedAsync();
        await Expect(ownMonday.GetByLabel("Opens")).ToHaveValueAsync("10:00");
        await Expect(ownMonday.GetByLabel("Closes")).ToHaveValueAsync("14:00");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Tuesday", Exact = true })).ToContainTextAsync("Closed");
        await Expect(holiday.GetByLabel("Date")).ToHaveValueAsync("2027-01-06");
        await Expect(holiday.GetByLabel("Closed all day")).ToBeCheckedAsync();
        await fixture.ScreenshotAsync(page, "service-editor");

        // Edited: a new price, inactive, back to the business's hours.
        await page.GetByLabel("Price").FillAsync("50");
        await page.GetByLabel("Active (can be booked)").UncheckAsync();
        await page.GetByLabel("The business's opening hours").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Service saved.");
        await Expect(page.GetByLabel("Price")).ToHaveValueAsync("50.00");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Services" }).ClickAsync();
        var row = page.GetByTestId("services").Locator("tbody tr").Filter(new() { HasText = "Deep tissue massage" });
        await Expect(row).ToContainTextAsync("50.00");
        await Expect(row).ToContainTextAsync("Inactive");
        await Expect(row).ToContainTextAsync("The business's");
        await Expect(row).ToContainTextAsync("1 person");
        await fixture.ScreenshotAsync(page, "services");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_records_pages_pass_the_WCAG_AA_checks_of_axe_core()
    {
        var owner = await fixture.SignUpAsync("Accessible Records");
        var number = await fixture.ConnectMetaNumberAsync(owner);
        var api = await fixture.ApiAsync(owner);
        await OpenEveryDayAsync(api);
        var service = await api.SendAsync(HttpMethod.Post, "/api/services", new
        {
            name = "Manicure", description = "Hands", priceMinor = 1800, currency = "EUR", durationMinutes = 45, bufferMinutes = 15,
            exceptions = new[] { new { date = "2027-12-25", reason = "Christmas" } },
        });
        var serviceId = service.GetProperty("id").GetString();
        await fixture.CustomerWritesAsync(number, NewCustomerWaId(), "Ada Records", "Is there a free slot?");
        var ada = await CustomerIdAsync(api, "Ada Records");
        await api.SendAsync(HttpMethod.Patch, $"/api/customers/{ada}", new { isVip = true, tags = new[] { "regular" }, email = "ada@example.com" });
        var day = Iso(Tomorrow);
        var booking = await api.SendAsync(HttpMethod.Post, "/api/bookings", new { serviceId, customerId = ada, start = $"{day}T10:00:00+00:00", status = "pending" });
        await api.SendAsync(HttpMethod.Post, "/api/bookings", new { serviceId, customerId = ada, start = $"{day}T12:00:00+00:00", status = "confirmed" });
        var bookingId = booking.GetProperty("id").GetString();
        var conversations = await api.SendAsync(HttpMethod.Get, "/api/conversations");
        var conversationId = conversations.GetProperty("items")[0].GetProperty("id").GetString();

        var page = await fixture.NewPageAsync(bypassCsp: true);
        await BrowserSession.LogInAsync(page, owner.Email, owner.Password);
        var week = Iso(MondayOf(Tomorrow));
        var pages = new (string Path, string Heading, string Ready)[]
        {
            ("/customers", "Customers", "Ada Records"),
            ($"/customers/{ada}", "Ada Records", "Upcoming"),
            ("/customers/new", "New customer", "Who is the customer?"),
            ("/customers/import", "Import customers", "When a row is wrong"),
            ("/services", "Services", "Manicure"),
            ($"/services/{serviceId}", "Manicure", "Date 1"),
            ("/services/new", "New service", "Performed by"),
            ("/services/hours", "Opening hours", "Weekly hours"),
            ($"/bookings?week={week}", "Bookings", "Manicure"),
            ($"/bookings?week={week}&view=list", "Bookings", "Ada Records"),
            ($"/bookings/{bookingId}", "Manicure for Ada Records", "History"),
            ($"/bookings/new?customerId={ada}&date={day}", "New booking", "09:00"),
            ($"/inbox/{conversationId}", "Ada Records", "Upcoming bookings"),
        };
        foreach (var (path, heading, ready) in pages)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).First).ToBeVisibleAsync();
            await Expect(page.GetByText(ready).First).ToBeVisibleAsync();
            var violations = await fixture.AccessibilityViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path}:\n{string.Join('\n', violations)}");
        }

        // The import's error report, and the calendar at phone width.
        await page.GotoAsync("/customers/import");
        await page.GetByLabel("…or paste the CSV here").FillAsync("name,phone\nZed,not a phone\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("phone");
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/bookings?week={week}");
        await Expect(page.Locator("a.booking-block")).ToHaveCountAsync(2);
        Assert.Empty(await fixture.AccessibilityViolationsAsync(page));
        await fixture.ScreenshotAsync(page, "bookings-calendar-phone");
        await page.GotoAsync("/customers");
        await Expect(page.GetByTestId("customers")).ToContainTextAsync("Ada Records");
        await fixture.ScreenshotAsync(page, "customers-phone");
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

    private static Task OpenEveryDayAsync(OwnerApi api) =>
        api.SendAsync(HttpMethod.Put, "/api/availability/hours", new
        {
            weeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
                .Select(weekday => new { weekday, opens = "09:00", closes = "17:00" }),
            exceptions = Array.Empty<object>(),
        });

    private static async Task<string> CustomerIdAsync(OwnerApi api, string name)
    {
        var page = await api.SendAsync(HttpMethod.Get, $"/api/customers?search={Uri.EscapeDataString(name)}");
        return page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }
}
