using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversations.Grains.Assistant;
using Conversations.Grains.Interfaces;
using Conversations.Grains.Interfaces.Models;
using Conversations.Infrastructure.PromptTemplates;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.PromptTemplates;

[Collection(AppCollection.Name)]
public sealed class PromptTemplatesApiTests(AppFixture fixture)
{
    private static readonly string[] FlowStates =
        ["greeting", "service_selection", "scheduling", "confirmation", "payment", "booked", "faq", "handoff"];

    private ConversationsApp App => fixture.App;

    private async Task<(TestTenant Tenant, HttpClient Owner)> NewTenantAsync(string name = "Prompts")
    {
        var tenant = await App.CreateTenantAsync(name);
        return (tenant, await App.ClientOfAsync(tenant));
    }

    private Task<long> CountAsync(string table, Guid businessId) =>
        fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE business_id = @b", ("b", businessId));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string? flowState = null)
    {
        using var response = await client.GetAsync(flowState is null ? "/api/templates" : $"/api/templates?flowState={flowState}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync();
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/templates", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    private static async Task<JsonElement> PatchAsync(HttpClient client, Guid id, object request)
    {
        using var response = await client.PatchAsJsonAsync($"/api/templates/{id}", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    private static async Task<JsonElement> TestAsync(HttpClient client, Guid id, object request)
    {
        using var response = await client.PostAsJsonAsync($"/api/templates/{id}/test", request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.BodyAsync();
    }

    private static Guid Id(JsonElement template) => template.GetProperty("id").GetGuid();

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static HttpClient ClientWith(ConversationsApp app, string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    [Fact]
    public async Task A_new_business_has_one_active_default_template_per_flow_state()
    {
        var (tenant, owner) = await NewTenantAsync();

        // Seeded with the business itself, before anything lists them.
        Assert.Equal(8, await CountAsync("prompt_templates", tenant.BusinessId));
        Assert.Equal(8, await CountAsync("prompt_template_versions", tenant.BusinessId));

        var templates = (await ListAsync(owner)).EnumerateArray().ToList();
        Assert.Equal(FlowStates, templates.Select(t => Text(t, "flowState")));
        Assert.All(templates, t =>
        {
            Assert.True(t.GetProperty("isActive").GetBoolean());
            Assert.Equal(1, t.GetProperty("version").GetInt32());
            Assert.EndsWith("(default)", Text(t, "name"));
            Assert.Contains("{{ business.name }}", Text(t, "body"));
        });

        var greeting = await owner.GetFromJsonAsync<JsonElement>($"/api/templates/{Id(templates[0])}");
        var version = Assert.Single(greeting.GetProperty("versions").EnumerateArray());
        Assert.Equal((1, Text(templates[0], "body")), (version.GetProperty("version").GetInt32(), Text(version, "body")));

        // The public sign-up seeds them too.
        var signedUp = await new AccountsClient(App).SignUpAsync();
        Assert.Equal(8, await CountAsync("prompt_templates", signedUp.BusinessId));
    }

    [Fact]
    public async Task A_business_from_before_templates_gets_the_defaults_on_its_first_listing_once_even_when_listed_at_once()
    {
        var (tenant, owner) = await NewTenantAsync();
        await ExecuteAsync("DELETE FROM prompt_template_versions WHERE business_id = @b", ("b", tenant.BusinessId));
        await ExecuteAsync("DELETE FROM prompt_templates WHERE business_id = @b", ("b", tenant.BusinessId));

        var lists = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ListAsync(owner)));

        Assert.All(lists, list => Assert.Equal(FlowStates, list.EnumerateArray().Select(t => Text(t, "flowState"))));
        Assert.Equal(8, await CountAsync("prompt_templates", tenant.BusinessId));
        Assert.Equal(8, await CountAsync("prompt_template_versions", tenant.BusinessId));
        Assert.Equal(8, (await ListAsync(owner)).GetArrayLength());
    }

    [Fact]
    public async Task Owner_creates_reads_updates_activates_restores_and_deletes_a_template_keeping_every_version()
    {
        var (tenant, owner) = await NewTenantAsync();
        var defaultGreeting = Id((await ListAsync(owner, "greeting"))[0]);

        using var createdResponse = await owner.PostAsJsonAsync("/api/templates", new
        {
            flowState = "greeting",
            name = "Warm greeting",
            body = "Hola {{customer.name}}, soy el asistente de {{ business.name }}.",
        });
        Assert.Equal(HttpStatusCode.Created, createdResponse.StatusCode);
        var created = await createdResponse.BodyAsync();
        var id = Id(created);
        Assert.Equal($"/api/templates/{id}", createdResponse.Headers.Location?.OriginalString);
        Assert.Equal(("greeting", 1, false), (Text(created, "flowState"), created.GetProperty("version").GetInt32(), created.GetProperty("isActive").GetBoolean()));

        var v2 = await PatchAsync(owner, id, new { body = "Hi {{ customer.name }}! This is {{ business.name }}." });
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        var v3 = await PatchAsync(owner, id, new { name = "Warmer greeting" });
        Assert.Equal((3, "Warmer greeting"), (v3.GetProperty("version").GetInt32(), Text(v3, "name")));
        var unchanged = await PatchAsync(owner, id, new { name = "Warmer greeting", body = "Hi {{ customer.name }}! This is {{ business.name }}." });
        Assert.Equal(3, unchanged.GetProperty("version").GetInt32());

        // Activating is not an edit: no new version, and the state's default steps down.
        var active = await PatchAsync(owner, id, new { isActive = true });
        Assert.Equal((3, true), (active.GetProperty("version").GetInt32(), active.GetProperty("isActive").GetBoolean()));
        var greetings = (await ListAsync(owner, "greeting")).EnumerateArray().ToList();
        Assert.Equal(new[] { (id, true), (defaultGreeting, false) }, greetings.Select(t => (Id(t), t.GetProperty("isActive").GetBoolean())));
        Assert.Equal(8, (await ListAsync(owner)).EnumerateArray().Count(t => t.GetProperty("isActive").GetBoolean()));

        var read = await owner.GetFromJsonAsync<JsonElement>($"/api/templates/{id}");
        Assert.Equal(
            new[]
            {
                (3, "Warmer greeting", "Hi {{ customer.name }}! This is {{ business.name }}."),
                (2, "Warm greeting", "Hi {{ customer.name }}! This is {{ business.name }}."),
                (1, "Warm greeting", "Hola {{customer.name}}, soy el asistente de {{ business.name }}."),
            },
            read.GetProperty("versions").EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), Text(v, "name"), Text(v, "body"))));

        using (var restored = await owner.PostAsync($"/api/templates/{id}/versions/1/restore", null))
        {
            var body = await restored.BodyAsync();
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
            Assert.Equal((4, "Warm greeting", "Hola {{customer.name}}, soy el asistente de {{ business.name }}."), (body.GetProperty("version").GetInt32(), Text(body, "name"), Text(body, "body")));
            Assert.Equal(4, body.GetProperty("versions").GetArrayLength());
        }

        await (await owner.PostAsync($"/api/templates/{id}/versions/9/restore", null)).AssertProblemAsync(HttpStatusCode.NotFound, "version");

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PatchAsJsonAsync($"/api/templates/{id}", new { isActive = true })).StatusCode);
        Assert.Equal([defaultGreeting], (await ListAsync(owner, "greeting")).EnumerateArray().Select(Id));
        Assert.Equal(4, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM prompt_template_versions WHERE template_id = @t", ("t", id)));
        Assert.Equal(8, (await ListAsync(owner)).GetArrayLength());
        Assert.Equal(tenant.BusinessId, await fixture.Database.ScalarAsync<Guid>("SELECT business_id FROM prompt_templates WHERE id = @t", ("t", id)));
    }

    [Fact]
    public async Task The_assistant_gets_the_active_template_rendered_and_the_built_in_default_when_the_state_has_none()
    {
        var (tenant, owner) = await NewTenantAsync("Salón Luna");
        var prompts = App.Service<IPromptTemplates>();
        var context = new PromptContext(
            "Lucía", "+34677700001", "Salón Luna", "Europe/Madrid", "- Reading: 30.00 EUR, 30 min", null, null, null,
            new DateTimeOffset(2026, 11, 25, 13, 5, 0, TimeSpan.Zero));
        var defaultScheduling = PromptVariables.Render(DefaultPrompts.Body(FlowState.Scheduling), PromptVariables.Values(context));

        Assert.Equal(defaultScheduling, await prompts.RenderAsync(tenant.BusinessId, FlowState.Scheduling, context, CancellationToken.None));

        var custom = await CreateAsync(owner, new
        {
            flowState = "scheduling",
            body = "{{business.name}}: find {{ customer.name }} a slot. Now {{ now }}, today {{ today }}, booking {{ booking.service }}.",
            isActive = true,
        });
        Assert.Equal(
            "Salón Luna: find Lucía a slot. Now Wednesday 25 November 2026 14:05 (Europe/Madrid), today 2026-11-25, booking (none).",
            await prompts.RenderAsync(tenant.BusinessId, FlowState.Scheduling, context, CancellationToken.None));

        await PatchAsync(owner, Id(custom), new { isActive = false });
        Assert.Equal(defaultScheduling, await prompts.RenderAsync(tenant.BusinessId, FlowState.Scheduling, context, CancellationToken.None));

        // A business without a single template row (never seeded) still gets a prompt.
        Assert.Equal(
            PromptVariables.Render(DefaultPrompts.Body(FlowState.Faq), PromptVariables.Values(context)),
            await prompts.RenderAsync(Guid.NewGuid(), FlowState.Faq, context, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_with_unknown_variables_is_refused_when_created_or_patched_naming_body_and_the_variables()
    {
        var (_, owner) = await NewTenantAsync();
        const string Body = "Hi {{ customer.name }}, use {{ coupon }} before {{customer.birthday}}.";

        using var created = await owner.PostAsJsonAsync("/api/templates", new { flowState = "faq", name = "Coupons", body = Body });
        await created.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        var problem = await created.BodyAsync();
        var message = problem.GetProperty("errors").GetProperty("body")[0].GetString()!;
        Assert.Contains("{{ coupon }}", message);
        Assert.Contains("{{ customer.birthday }}", message);
        Assert.DoesNotContain("{{ customer.name }}", message);
        Assert.Equal(["coupon", "customer.birthday"], problem.GetProperty("unknownVariables").EnumerateArray().Select(v => v.GetString()));

        var faq = Id((await ListAsync(owner, "faq"))[0]);
        using var patched = await owner.PatchAsJsonAsync($"/api/templates/{faq}", new { body = Body });
        await patched.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Contains("coupon", await patched.Content.ReadAsStringAsync());

        var kept = await owner.GetFromJsonAsync<JsonElement>($"/api/templates/{faq}");
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
        Assert.DoesNotContain("coupon", Text(kept, "body"));
    }

    [Theory]
    [InlineData("flowState", """{"flowState":"checkout","body":"Hello {{ customer.name }}"}""")]
    [InlineData("flowState", """{"body":"Hello {{ customer.name }}"}""")]
    [InlineData("body", """{"flowState":"greeting"}""")]
    [InlineData("body", """{"flowState":"greeting","body":"   "}""")]
    [InlineData("name", """{"flowState":"greeting","name":" ","body":"Hello"}""")]
    public async Task An_invalid_template_is_refused_naming_the_field(string field, string json)
    {
        var (_, owner) = await NewTenantAsync();
        using var response = await owner.PostAsync("/api/templates", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_body_over_twenty_thousand_characters_or_a_bad_flow_state_filter_is_refused_and_an_empty_filter_lists_all()
    {
        var (_, owner) = await NewTenantAsync();
        await (await owner.PostAsJsonAsync("/api/templates", new { flowState = "faq", body = new string('a', 20_001) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/templates", new { flowState = "faq", body = new string('a', 20_000) })).StatusCode);
        await (await owner.GetAsync("/api/templates?flowState=checkout")).AssertProblemAsync(HttpStatusCode.BadRequest, "flowState");
        Assert.Equal(["service_selection"], (await ListAsync(owner, "service_selection")).EnumerateArray().Select(t => Text(t, "flowState")));
        Assert.Equal(["service_selection"], (await ListAsync(owner, "serviceSelection")).EnumerateArray().Select(t => Text(t, "flowState")));
        Assert.Equal(9, (await ListAsync(owner, "")).GetArrayLength());
    }

    [Theory]
    [InlineData("POST", "", "not json")]
    [InlineData("POST", "", """{"flowState":"faq","body":"Hi","isActive":"yes"}""")]
    [InlineData("PATCH", "/{id}", """{"body":42}""")]
    [InlineData("POST", "/{id}/test", """{"sample":"everything"}""")]
    [InlineData("POST", "/{id}/test", """{"sample":{"customer.name":{"first":"Ana"}}}""")]
    public async Task A_malformed_request_is_a_400_never_a_500(string method, string path, string json)
    {
        var (_, owner) = await NewTenantAsync();
        var id = Id((await ListAsync(owner))[0]);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/templates{path.Replace("{id}", id.ToString(), StringComparison.Ordinal)}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await owner.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Test_renders_with_sample_values_and_overrides()
    {
        var (_, owner) = await NewTenantAsync("Sample Studio");
        var template = await CreateAsync(owner, new
        {
            flowState = "confirmation",
            body = "{{customer.name}} | {{ business.name }} | {{ booking.service }} | {{ booking.status }}\n{{ services }}",
        });

        var sample = await TestAsync(owner, Id(template), new { });
        Assert.Equal("Ana García | Sample Studio | Reading | confirmed\n- Reading: 30.00 EUR, 30 min", Text(sample, "rendered"));
        var variables = sample.GetProperty("variables");
        Assert.Equal(PromptVariables.Catalogue.Select(v => v.Name), variables.EnumerateObject().Select(p => p.Name));
        Assert.Equal("UTC", Text(variables, "business.timezone"));
        Assert.EndsWith("(UTC)", Text(variables, "now"));

        var overridden = await TestAsync(owner, Id(template), new { sample = new Dictionary<string, object> { ["customer.name"] = "Zoe", ["booking.status"] = "pending" } });
        Assert.StartsWith("Zoe | Sample Studio | Reading | pending", Text(overridden, "rendered"));
        Assert.Equal("Zoe", Text(overridden.GetProperty("variables"), "customer.name"));

        using (var noBody = await owner.PostAsync($"/api/templates/{Id(template)}/test", null))
        {
            Assert.Equal(HttpStatusCode.OK, noBody.StatusCode);
        }

        await (await owner.PostAsJsonAsync($"/api/templates/{Id(template)}/test", new { sample = new { coupon = "X" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "sample");
        await (await owner.PostAsJsonAsync($"/api/templates/{Id(template)}/test", new { conversationId = "not-a-uuid" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "conversationId");
        await (await owner.PostAsJsonAsync($"/api/templates/{Id(template)}/test", new { conversationId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversationId");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"/api/templates/{Guid.NewGuid()}/test", new { })).StatusCode);
    }

    [Fact]
    public async Task Test_renders_with_a_real_conversation_its_customer_business_services_and_next_booking()
    {
        var (tenant, owner) = await NewTenantAsync("Tarot Madrid");
        await ExecuteAsync("UPDATE businesses SET time_zone = 'Europe/Madrid' WHERE id = @b", ("b", tenant.BusinessId));
        using (var inbound = await App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34677700002", $"wamid.{Guid.NewGuid():N}", "Hola", "Lucía", DateTimeOffset.UtcNow.ToUnixTimeSeconds())),
            tenant.AppSecret))
        {
            inbound.EnsureSuccessStatusCode();
        }

        var conversation = ConversationIds.For(tenant.BusinessId, "34677700002");
        var template = Id((await ListAsync(owner, "booked"))[0]);

        // Before any booking: the booking variables say so.
        var before = await TestAsync(owner, template, new { conversationId = conversation });
        var beforeVariables = before.GetProperty("variables");
        Assert.Equal(("Lucía", "+34677700002", PromptVariables.NoneValue), (Text(beforeVariables, "customer.name"), Text(beforeVariables, "customer.phone"), Text(beforeVariables, "booking.service")));

        var customerId = (await owner.GetFromJsonAsync<JsonElement>("/api/customers?search=Luc")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var serviceId = (await owner.GetFromJsonAsync<JsonElement>("/api/services"))[0].GetProperty("id").GetGuid();
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
        foreach (var (at, status) in new[] { (start.AddDays(-10), "confirmed"), (start.AddDays(5), "pending"), (start, "confirmed") })
        {
            using var booked = await owner.PostAsJsonAsync("/api/bookings", new { serviceId, customerId, start = RecordsFixture.At(at), status });
            Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        }

        var result = await TestAsync(owner, template, new { conversationId = conversation });
        var variables = result.GetProperty("variables");
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        Assert.Equal("Lucía", Text(variables, "customer.name"));
        Assert.Equal("+34677700002", Text(variables, "customer.phone"));
        Assert.Equal("Tarot Madrid", Text(variables, "business.name"));
        Assert.Equal("Europe/Madrid", Text(variables, "business.timezone"));
        Assert.Equal("- Reading: 30.00 EUR, 30 min", Text(variables, "services"));
        Assert.Equal("Reading", Text(variables, "booking.service"));
        Assert.Equal("confirmed", Text(variables, "booking.status"));
        Assert.Equal(PromptVariables.LocalTime(TimeZoneInfo.ConvertTime(start, madrid)), Text(variables, "booking.time"));
        Assert.EndsWith("(Europe/Madrid)", Text(variables, "now"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Text(variables, "today"));

        var rendered = Text(result, "rendered");
        Assert.Contains("You are the WhatsApp assistant of Tarot Madrid.", rendered);
        Assert.Contains("Customer: Lucía, +34677700002.", rendered);
        Assert.Contains($"Reading on {PromptVariables.LocalTime(TimeZoneInfo.ConvertTime(start, madrid))} (Europe/Madrid), status confirmed", rendered);
        Assert.DoesNotContain("{{", rendered);
    }

    [Fact]
    public async Task Another_business_templates_and_conversations_are_not_found()
    {
        var (tenant, owner) = await NewTenantAsync("Mine");
        var mine = await CreateAsync(owner, new { flowState = "handoff", name = "Mine", body = "A person will reply, {{ customer.name }}." });
        await App.CustomerWritesAsync(tenant, "34677700003", $"wamid.{Guid.NewGuid():N}", "Hola");
        var myConversation = ConversationIds.For(tenant.BusinessId, "34677700003");

        var (_, stranger) = await NewTenantAsync("Stranger");
        var id = Id(mine);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PatchAsJsonAsync($"/api/templates/{id}", new { body = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/templates/{id}/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/templates/{id}/versions/1/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/templates/{id}")).StatusCode);
        Assert.DoesNotContain(id, (await ListAsync(stranger)).EnumerateArray().Select(Id));

        var strangersOwn = Id((await ListAsync(stranger, "greeting"))[0]);
        await (await stranger.PostAsJsonAsync($"/api/templates/{strangersOwn}/test", new { conversationId = myConversation }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversationId");

        var kept = await owner.GetFromJsonAsync<JsonElement>($"/api/templates/{id}");
        Assert.Equal(("A person will reply, {{ customer.name }}.", 1), (Text(kept, "body"), kept.GetProperty("version").GetInt32()));
        Assert.Contains(id, (await ListAsync(owner)).EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task Agents_read_and_preview_templates_but_only_owners_and_admins_change_them()
    {
        var accounts = new AccountsClient(App);
        var ownerTokens = await accounts.NewOwnerAsync();
        var adminTokens = await accounts.NewEmployeeAsync(ownerTokens, "admin");
        var agentTokens = await accounts.NewEmployeeAsync(ownerTokens, "agent");
        using var admin = ClientWith(App, adminTokens.AccessToken);
        using var agent = ClientWith(App, agentTokens.AccessToken);

        var templates = await ListAsync(agent);
        Assert.Equal(8, templates.GetArrayLength());
        var id = Id(templates[0]);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/templates/variables")).StatusCode);
        await TestAsync(agent, id, new { });

        var forbidden = new (HttpMethod Method, string Path, HttpContent? Body)[]
        {
            (HttpMethod.Post, "/api/templates", JsonContent.Create(new { flowState = "faq", body = "Answer." })),
            (HttpMethod.Patch, $"/api/templates/{id}", JsonContent.Create(new { body = "Changed." })),
            (HttpMethod.Delete, $"/api/templates/{id}", null),
            (HttpMethod.Post, $"/api/templates/{id}/versions/1/restore", null),
        };
        foreach (var (method, path, body) in forbidden)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            using var response = await agent.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {response.StatusCode}");
        }

        var created = await CreateAsync(admin, new { flowState = "faq", body = "Answer from the passages only, {{ customer.name }}." });
        Assert.Equal(2, (await PatchAsync(admin, Id(created), new { body = "Answer briefly, {{ customer.name }}." })).GetProperty("version").GetInt32());
        var versions = (await agent.GetFromJsonAsync<JsonElement>($"/api/templates/{Id(created)}")).GetProperty("versions");
        Assert.All(versions.EnumerateArray(), v => Assert.Equal(adminTokens.Employee.Id, v.GetProperty("changedBy").GetGuid()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/templates/{Id(created)}")).StatusCode);
    }

    [Fact]
    public async Task The_variable_catalogue_lists_every_variable_with_what_it_holds()
    {
        var (_, owner) = await NewTenantAsync();
        var catalogue = await owner.GetFromJsonAsync<JsonElement>("/api/templates/variables");
        Assert.Equal(
            ["customer.name", "customer.phone", "business.name", "business.timezone", "services", "booking.service", "booking.time", "booking.status", "now", "today"],
            catalogue.EnumerateArray().Select(v => Text(v, "name")));
        Assert.All(catalogue.EnumerateArray(), v => Assert.False(string.IsNullOrWhiteSpace(Text(v, "description"))));
    }

    [Fact]
    public async Task Concurrent_activations_leave_one_active_template_and_concurrent_edits_get_their_own_versions()
    {
        var (_, owner) = await NewTenantAsync();
        var first = Id(await CreateAsync(owner, new { flowState = "payment", name = "A", body = "Pay, {{ customer.name }}." }));
        var second = Id(await CreateAsync(owner, new { flowState = "payment", name = "B", body = "Please pay, {{ customer.name }}." }));

        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(PatchAsync(owner, first, new { isActive = true }), PatchAsync(owner, second, new { isActive = true }));
            var payment = (await ListAsync(owner, "payment")).EnumerateArray().ToList();
            Assert.Equal(3, payment.Count);
            Assert.Single(payment, t => t.GetProperty("isActive").GetBoolean());
            await Task.WhenAll(PatchAsync(owner, first, new { isActive = false }), PatchAsync(owner, second, new { isActive = false }));
        }

        await Task.WhenAll(Enumerable.Range(1, 6).Select(n => PatchAsync(owner, first, new { body = $"Edit {n}, {{{{ customer.name }}}}." })));
        var versions = (await owner.GetFromJsonAsync<JsonElement>($"/api/templates/{first}")).GetProperty("versions");
        Assert.Equal(Enumerable.Range(1, 7).Reverse(), versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }
}
