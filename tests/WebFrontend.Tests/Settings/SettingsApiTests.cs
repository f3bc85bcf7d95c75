using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.WebFrontend.Tests.Bookings;
using Conversations.WebFrontend.Tests.Media;

namespace Conversations.WebFrontend.Tests.Settings;

[Collection(AppCollection.Name)]
public sealed class SettingsApiTests(AppFixture fixture)
{
    private const string ApiKey = "sk-test-0123456789abcdef-secret";

    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    private async Task<(TestTenant Tenant, AccountsClient.Tokens Owner, HttpClient Client)> NewTenantAsync(string name = "Settings")
    {
        var tenant = await App.CreateTenantAsync(name);
        var owner = await Accounts.LoginAsync(tenant.OwnerEmail, tenant.OwnerPassword);
        return (tenant, owner, Client(owner.AccessToken));
    }

    private HttpClient Client(string accessToken)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string json) =>
        client.PatchAsync("/api/settings", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> PatchOkAsync(HttpClient client, string json)
    {
        using var response = await PatchAsync(client, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client) => await (await client.GetAsync("/api/settings")).BodyAsync();

    private static async Task<List<JsonElement>> SettingsLogAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/activity?action=settings.updated")).BodyAsync()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task Every_employee_reads_the_settings_with_their_defaults()
    {
        var (_, owner, _) = await NewTenantAsync("Defaults & Co");
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        var settings = await GetAsync(Client(agent.AccessToken));

        var general = settings.GetProperty("general");
        Assert.Equal(("Defaults & Co", "UTC", "en"), (general.GetProperty("name").GetString(), general.GetProperty("timeZone").GetString(), general.GetProperty("language").GetString()));
        Assert.Empty(general.GetProperty("businessHours").GetProperty("weeklyHours").EnumerateArray());
        Assert.Empty(general.GetProperty("businessHours").GetProperty("exceptions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, general.GetProperty("awayMessage").ValueKind);

        var ai = settings.GetProperty("ai");
        Assert.True(ai.GetProperty("enabled").GetBoolean());
        Assert.Equal(("offline", "friendly"), (ai.GetProperty("provider").GetString(), ai.GetProperty("tone").GetString()));
        Assert.False(ai.GetProperty("hasApiKey").GetBoolean());
        Assert.False(ai.TryGetProperty("apiKey", out _));
        Assert.Equal(JsonValueKind.Null, ai.GetProperty("handoff").GetProperty("maxMisunderstandings").ValueKind);
        Assert.Empty(ai.GetProperty("handoff").GetProperty("keywords").EnumerateArray());

        var branding = settings.GetProperty("branding");
        Assert.All(["logoMediaId", "primaryColor", "accentColor"], p => Assert.Equal(JsonValueKind.Null, branding.GetProperty(p).ValueKind));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/settings")).StatusCode);
    }

    [Fact]
    public async Task Every_section_round_trips_in_its_canonical_form_and_the_hours_are_the_availability_hours()
    {
        var (_, _, client) = await NewTenantAsync();
        var logo = (await MediaApiTests.UploadAsync(client, SampleFiles.Png, "logo.png")).GetProperty("id").GetGuid();
        var saved = await PatchOkAsync(client, $$$"""
            {
              "general": {
                "name": "  Samia Tarot  ", "timeZone": "Europe/Madrid", "language": "pt-br",
                "businessHours": {
                  "weeklyHours": [{ "weekday": "tuesday", "opens": "10:00", "closes": "14:00" }, { "weekday": "monday", "opens": "09:00", "closes": "18:00" }],
                  "exceptions": [{ "date": "2026-12-25", "reason": "Christmas" }]
                },
                "awayMessage": "  We are closed now; we answer from 9:00.  "
              },
              "ai": {
                "enabled": false, "provider": "OpenAI", "baseUrl": "https://llm.example.test/v1", "model": "gpt-4o-mini", "apiKey": "{{{ApiKey}}}",
                "instructions": "Mention free parking.", "tone": "Formal",
                "handoff": { "maxMisunderstandings": 3, "keywords": ["Complaint", " refund ", "complaint", "speak to a human"] }
              },
              "branding": { "logoMediaId": "{{{logo}}}", "primaryColor": "#1a73e8", "accentColor": "#FF0000" }
            }
            """);

        Assert.Equal(saved.GetRawText(), (await GetAsync(client)).GetRawText());
        var general = saved.GetProperty("general");
        Assert.Equal(("Samia Tarot", "Europe/Madrid", "pt-BR", "We are closed now; we answer from 9:00."), (
            general.GetProperty("name").GetString(), general.GetProperty("timeZone").GetString(), general.GetProperty("language").GetString(),
            general.GetProperty("awayMessage").GetString()));
        Assert.Equal(["monday", "tuesday"], general.GetProperty("businessHours").GetProperty("weeklyHours").EnumerateArray().Select(h => h.GetProperty("weekday").GetString()));
        var ai = saved.GetProperty("ai");
        Assert.Equal((false, "openai", "gpt-4o-mini", "formal", true), (
            ai.GetProperty("enabled").GetBoolean(), ai.GetProperty("provider").GetString(), ai.GetProperty("model").GetString(),
            ai.GetProperty("tone").GetString(), ai.GetProperty("hasApiKey").GetBoolean()));
        Assert.Equal(3, ai.GetProperty("handoff").GetProperty("maxMisunderstandings").GetInt32());
        Assert.Equal(["complaint", "refund", "speak to a human"], ai.GetProperty("handoff").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var branding = saved.GetProperty("branding");
        Assert.Equal((logo, "#1A73E8", "#FF0000"), (branding.GetProperty("logoMediaId").GetGuid(), branding.GetProperty("primaryColor").GetString(), branding.GetProperty("accentColor").GetString()));

        // The same tables as the availability and assistant endpoints: one truth.
        var hours = await (await client.GetAsync("/api/availability/hours")).BodyAsync();
        Assert.Equal(general.GetProperty("businessHours").GetRawText(), hours.GetRawText());
        var assistant = await (await client.GetAsync("/api/settings/ai")).BodyAsync();
        Assert.Equal(("openai", "formal", true), (assistant.GetProperty("provider").GetString(), assistant.GetProperty("tone").GetString(), assistant.GetProperty("hasApiKey").GetBoolean()));
        Assert.DoesNotContain(ApiKey, await (await client.GetAsync("/api/settings")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_patch_changes_only_what_it_names_and_null_clears_what_may_be_empty()
    {
        var (_, _, client) = await NewTenantAsync();
        await PatchOkAsync(client, """
            {"general": {"awayMessage": "Back soon", "businessHours": {"weeklyHours": [{"weekday": "friday", "opens": "09:00", "closes": "13:00"}]}},
             "ai": {"handoff": {"maxMisunderstandings": 4, "keywords": ["lawyer"]}}, "branding": {"primaryColor": "#000000", "accentColor": "#FFFFFF"}}
            """);

        var saved = await PatchOkAsync(client, """
            {"general": {"awayMessage": null, "businessHours": {"exceptions": [{"date": "2026-08-15", "opens": "10:00", "closes": "12:00", "reason": "Holiday"}]}},
             "ai": {"handoff": {"maxMisunderstandings": null}}, "branding": {"accentColor": null}}
            """);
        var general = saved.GetProperty("general");
        Assert.Equal(JsonValueKind.Null, general.GetProperty("awayMessage").ValueKind);
        Assert.Equal("friday", Assert.Single(general.GetProperty("businessHours").GetProperty("weeklyHours").EnumerateArray()).GetProperty("weekday").GetString());
        Assert.Equal("2026-08-15", Assert.Single(general.GetProperty("businessHours").GetProperty("exceptions").EnumerateArray()).GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("ai").GetProperty("handoff").GetProperty("maxMisunderstandings").ValueKind);
        Assert.Equal(["lawyer"], saved.GetProperty("ai").GetProperty("handoff").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(("#000000", JsonValueKind.Null), (saved.GetProperty("branding").GetProperty("primaryColor").GetString(), saved.GetProperty("branding").GetProperty("accentColor").ValueKind));
        Assert.Equal("Settings", general.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_api_key_is_write_only_kept_when_left_out_and_removed_with_an_empty_string()
    {
        var (tenant, _, client) = await NewTenantAsync();
        var saved = await PatchOkAsync(client, $$$"""{"ai": {"provider": "openai", "model": "gpt-4o-mini", "apiKey": "{{{ApiKey}}}"}}""");
        Assert.True(saved.GetProperty("ai").GetProperty("hasApiKey").GetBoolean());
        Assert.DoesNotContain(ApiKey, saved.ToString());
        var stored = await fixture.Database.ScalarAsync<string>("SELECT protected_api_key FROM assistant_settings WHERE business_id = @b", ("b", tenant.BusinessId));
        Assert.DoesNotContain(ApiKey, stored);

        Assert.True((await PatchOkAsync(client, """{"ai": {"tone": "concise"}}""")).GetProperty("ai").GetProperty("hasApiKey").GetBoolean());
        Assert.True((await PatchOkAsync(client, """{"ai": {"apiKey": null}}""")).GetProperty("ai").GetProperty("hasApiKey").GetBoolean());
        Assert.False((await PatchOkAsync(client, """{"ai": {"apiKey": ""}}""")).GetProperty("ai").GetProperty("hasApiKey").GetBoolean());
    }

    public static TheoryData<string, string> InvalidPatches() => new()
    {
        { """{"general": {"timeZone": "Mars/Olympus_Mons"}}""", "general.timeZone" },
        { """{"general": {"timeZone": null}}""", "general.timeZone" },
        { """{"general": {"timeZone": 1}}""", "general.timeZone" },
        { """{"general": {"language": "english"}}""", "general.language" },
        { """{"general": {"language": "en_US"}}""", "general.language" },
        { """{"general": {"language": "xq"}}""", "general.language" },
        { """{"general": {"name": "  "}}""", "general.name" },
        { """{"general": {"name": null}}""", "general.name" },
        { $$$"""{"general": {"name": "{{{new string('n', 201)}}}"}}""", "general.name" },
        { """{"general": {"name": "Nul \u0000 inside"}}""", "general.name" },
        { $$$"""{"general": {"awayMessage": "{{{new string('a', 1001)}}}"}}""", "general.awayMessage" },
        { """{"general": {"businessHours": {"weeklyHours": [{"weekday": "monday", "opens": "18:00", "closes": "09:00"}]}}}""", "general.businessHours.weeklyHours[0].closes" },
        { """{"general": {"businessHours": {"weeklyHours": [{"weekday": "someday", "opens": "09:00", "closes": "18:00"}]}}}""", "general.businessHours.weeklyHours[0].weekday" },
        { """{"general": {"businessHours": {"exceptions": [{"date": "25/12/2026"}]}}}""", "general.businessHours.exceptions[0].date" },
        { """{"general": {"businessHours": {"weeklyHours": "always"}}}""", "general.businessHours.weeklyHours" },
        { """{"general": {"businessHours": null}}""", "general.businessHours" },
        { """{"general": {"opensOnSundays": true}}""", "general.opensOnSundays" },
        { """{"ai": {"enabled": "yes"}}""", "ai.enabled" },
        { """{"ai": {"provider": "claude"}}""", "ai.provider" },
        { """{"ai": {"provider": "openai"}}""", "ai.model" },
        { """{"ai": {"model": "gpt 4"}}""", "ai.model" },
        { """{"ai": {"baseUrl": "ftp://llm.example.test"}}""", "ai.baseUrl" },
        { $$$"""{"ai": {"apiKey": "{{{new string('k', 501)}}}"}}""", "ai.apiKey" },
        { $$$"""{"ai": {"instructions": "{{{new string('i', 4001)}}}"}}""", "ai.instructions" },
        { """{"ai": {"tone": "sarcastic"}}""", "ai.tone" },
        { """{"ai": {"handoff": {"maxMisunderstandings": 0}}}""", "ai.handoff.maxMisunderstandings" },
        { """{"ai": {"handoff": {"maxMisunderstandings": 11}}}""", "ai.handoff.maxMisunderstandings" },
        { """{"ai": {"handoff": {"maxMisunderstandings": "2"}}}""", "ai.handoff.maxMisunderstandings" },
        { """{"ai": {"handoff": {"keywords": ["refund", ""]}}}""", "ai.handoff.keywords[1]" },
        { """{"ai": {"handoff": {"keywords": [""" + string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"word{i}\"")) + "]}}}", "ai.handoff.keywords" },
        { """{"ai": {"handoff": {"keywords": "refund"}}}""", "ai.handoff.keywords" },
        { """{"ai": {"hasApiKey": true}}""", "ai.hasApiKey" },
        { """{"branding": {"primaryColor": "red"}}""", "branding.primaryColor" },
        { """{"branding": {"accentColor": "#12345"}}""", "branding.accentColor" },
        { """{"branding": {"logoMediaId": "not-an-id"}}""", "branding.logoMediaId" },
        { $$$"""{"branding": {"logoMediaId": "{{{Guid.NewGuid()}}}"}}""", "branding.logoMediaId" },
        { """{"billing": {"plan": "gold"}}""", "billing" },
        { """{"general": "everything"}""", "general" },
        { """[]""", "body" },
        { """not json""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task An_invalid_patch_is_a_problem_naming_the_field_and_changes_nothing(string json, string field)
    {
        var (_, _, client) = await NewTenantAsync();
        var before = await GetAsync(client);
        await (await PatchAsync(client, json)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before.GetRawText(), (await GetAsync(client)).GetRawText());
    }

    [Fact]
    public async Task Every_field_at_fault_is_named_and_the_valid_ones_are_not_saved_either()
    {
        var (_, _, client) = await NewTenantAsync();
        using var response = await PatchAsync(client, """
            {"general": {"name": "New name", "timeZone": "Nowhere/Town"}, "ai": {"tone": "grumpy"}, "branding": {"primaryColor": "#00FF00"}}
            """);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "general.timeZone");
        var errors = (await response.BodyAsync()).GetProperty("errors");
        Assert.Equal(["ai.tone", "general.timeZone"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var settings = await GetAsync(client);
        Assert.Equal("Settings", settings.GetProperty("general").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("branding").GetProperty("primaryColor").ValueKind);
    }

    [Fact]
    public async Task Only_owners_and_admins_change_the_settings()
    {
        var (_, owner, _) = await NewTenantAsync();
        var admin = await Accounts.NewEmployeeAsync(owner, "admin");
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(Client(agent.AccessToken), """{"general": {"name": "Agent's shop"}}""")).StatusCode);
        Assert.Equal("Admin's shop", (await PatchOkAsync(Client(admin.AccessToken), """{"general": {"name": "Admin's shop"}}""")).GetProperty("general").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await PatchAsync(App.CreateClient(), """{"general": {"name": "Anyone's"}}""")).StatusCode);
    }

    [Fact]
    public async Task A_role_that_manages_settings_but_not_the_assistant_or_the_hours_changes_neither_here()
    {
        var (_, owner, _) = await NewTenantAsync();
        using (var created = await Accounts.PostAsync("/api/roles", new { name = "branding", permissions = new[] { "settings.read", "settings.manage" } }, owner.AccessToken))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var designer = Client((await Accounts.NewEmployeeAsync(owner, "branding")).AccessToken);
        await (await PatchAsync(designer, """{"branding": {"primaryColor": "#101010"}, "ai": {"tone": "formal"}}""")).AssertProblemAsync(HttpStatusCode.Forbidden, "ai");
        await (await PatchAsync(designer, """{"general": {"businessHours": {"weeklyHours": []}}}""")).AssertProblemAsync(HttpStatusCode.Forbidden, "general.businessHours");
        var saved = await PatchOkAsync(designer, """{"general": {"awayMessage": "Closed"}, "branding": {"primaryColor": "#101010"}}""");
        Assert.Equal(("Closed", "#101010", "friendly"), (
            saved.GetProperty("general").GetProperty("awayMessage").GetString(), saved.GetProperty("branding").GetProperty("primaryColor").GetString(),
            saved.GetProperty("ai").GetProperty("tone").GetString()));
    }

    [Fact]
    public async Task A_business_s_settings_are_its_own_and_its_logo_is_its_own_image()
    {
        var (_, _, client) = await NewTenantAsync("Ours");
        var (_, _, other) = await NewTenantAsync("Theirs");
        var theirLogo = (await MediaApiTests.UploadAsync(other, SampleFiles.Png, "theirs.png")).GetProperty("id").GetGuid();
        var pdf = (await MediaApiTests.UploadAsync(client, SampleFiles.Pdf, "brochure.pdf")).GetProperty("id").GetGuid();
        var gif = (await MediaApiTests.UploadAsync(client, SampleFiles.Gif, "logo.gif")).GetProperty("id").GetGuid();

        await (await PatchAsync(client, $$$"""{"branding": {"logoMediaId": "{{{theirLogo}}}"}}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "branding.logoMediaId");
        await (await PatchAsync(client, $$$"""{"branding": {"logoMediaId": "{{{pdf}}}"}}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "branding.logoMediaId");
        await PatchOkAsync(client, $$$"""{"general": {"name": "Ours, renamed", "timeZone": "America/New_York"}, "branding": {"logoMediaId": "{{{gif}}}"}}""");

        var theirs = await GetAsync(other);
        Assert.Equal(("Theirs", "UTC"), (theirs.GetProperty("general").GetProperty("name").GetString(), theirs.GetProperty("general").GetProperty("timeZone").GetString()));
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("branding").GetProperty("logoMediaId").ValueKind);

        // Deleting the image takes the logo with it.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/media/{gif}")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(client)).GetProperty("branding").GetProperty("logoMediaId").ValueKind);
    }

    [Fact]
    public async Task Two_owners_saving_different_fields_at_once_both_keep_their_change()
    {
        var (_, owner, client) = await NewTenantAsync();
        var admin = Client((await Accounts.NewEmployeeAsync(owner, "admin")).AccessToken);
        for (var round = 0; round < 5; round++)
        {
            var primary = $"#0000{round:D2}";
            var accent = $"#FF00{round:D2}";
            var responses = await Task.WhenAll(
                PatchAsync(client, $$$"""{"branding": {"primaryColor": "{{{primary}}}"}}"""),
                PatchAsync(admin, $$$"""{"branding": {"accentColor": "{{{accent}}}"}}"""));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var branding = (await GetAsync(client)).GetProperty("branding");
            Assert.Equal((primary, accent), (branding.GetProperty("primaryColor").GetString(), branding.GetProperty("accentColor").GetString()));
        }
    }

    [Fact]
    public async Task Each_change_is_logged_field_by_field_with_before_and_after_and_never_the_key()
    {
        var (_, owner, client) = await NewTenantAsync();
        await PatchOkAsync(client, $$$"""
            {"general": {"timeZone": "Europe/Madrid", "language": "es"}, "ai": {"provider": "openai", "model": "gpt-4o-mini", "apiKey": "{{{ApiKey}}}"},
             "branding": {"primaryColor": "#123456"}}
            """);
        await PatchOkAsync(client, """{"general": {"timeZone": "Europe/Madrid"}}""");
        await PatchOkAsync(client, $$$"""{"ai": {"apiKey": "{{{ApiKey}}}-2", "handoff": {"keywords": ["refund"]} } }""");

        var log = await SettingsLogAsync(client);
        Assert.Equal(2, log.Count);
        Assert.DoesNotContain(ApiKey, await (await client.GetAsync("/api/activity")).Content.ReadAsStringAsync());
        var first = log[1].GetProperty("details").GetProperty("changes");
        Assert.Equal(owner.Employee.Id, log[1].GetProperty("employeeId").GetGuid());
        Assert.Equal(
            ["ai.apiKey", "ai.model", "ai.provider", "branding.primaryColor", "general.language", "general.timeZone"],
            first.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("UTC", "Europe/Madrid"), (first.GetProperty("general.timeZone").GetProperty("from").GetString(), first.GetProperty("general.timeZone").GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("ai.model").GetProperty("from").ValueKind);
        Assert.Equal((JsonValueKind.Null, "set"), (first.GetProperty("ai.apiKey").GetProperty("from").ValueKind, first.GetProperty("ai.apiKey").GetProperty("to").GetString()));

        var second = log[0].GetProperty("details").GetProperty("changes");
        Assert.Equal(["ai.apiKey", "ai.handoff.keywords"], second.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("set", "replaced"), (second.GetProperty("ai.apiKey").GetProperty("from").GetString(), second.GetProperty("ai.apiKey").GetProperty("to").GetString()));
        Assert.Equal(["refund"], second.GetProperty("ai.handoff.keywords").GetProperty("to").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Finishing_the_getting_started_steps_is_remembered_apart_from_the_other_workspace_settings()
    {
        var (_, _, client) = await NewTenantAsync();
        var fresh = await client.GetFromJsonAsync<JsonElement>("/api/settings/workspace");
        Assert.False(fresh.GetProperty("onboardingCompleted").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/settings/workspace", new { announceAgentJoined = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/settings/workspace", new { onboardingCompleted = true })).StatusCode);
        var saved = await client.GetFromJsonAsync<JsonElement>("/api/settings/workspace");
        Assert.True(saved.GetProperty("onboardingCompleted").GetBoolean());
        Assert.True(saved.GetProperty("announceAgentJoined").GetBoolean());
    }

    [Fact]
    public async Task The_older_settings_endpoints_are_logged_the_same_way()
    {
        var (_, _, client) = await NewTenantAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/settings/ai", new { enabled = false, apiKey = ApiKey })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/settings/workspace", new { announceAgentJoined = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/availability/hours", new
        {
            weeklyHours = new[] { new { weekday = "monday", opens = "09:00", closes = "17:00" } },
        })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/settings/voice", new { enabled = true, apiKey = ApiKey })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/payments/settings", new { refundPolicy = "none" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/settings/security", new { requireTwoFactor = false })).StatusCode);

        var log = await SettingsLogAsync(client);
        var changes = log.Select(e => e.GetProperty("details").GetProperty("changes")).ToList();
        Assert.Equal(["payments.refundPolicy"], changes[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["voice.apiKey", "voice.enabled"], changes[1].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["general.businessHours.weeklyHours"], changes[2].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["workspace.announceAgentJoined"], changes[3].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["ai.apiKey", "ai.enabled"], changes[4].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal((true, false), (changes[4].GetProperty("ai.enabled").GetProperty("from").GetBoolean(), changes[4].GetProperty("ai.enabled").GetProperty("to").GetBoolean()));
        Assert.Equal(5, log.Count);
        Assert.DoesNotContain(ApiKey, await (await client.GetAsync("/api/activity")).Content.ReadAsStringAsync());
    }
}
