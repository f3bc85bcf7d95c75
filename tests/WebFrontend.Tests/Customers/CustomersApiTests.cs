using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Customers;

[Collection(RecordsCollection.Name)]
public sealed class CustomersApiTests(RecordsFixture fixture)
{
    [Fact]
    public async Task Owner_creates_reads_updates_and_deletes_a_customer_with_a_normalised_phone()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        using var created = await owner.PostAsJsonAsync("/api/customers", new
        {
            name = "Ana García",
            phone = "611 22 33 44",
            region = "ES",
            email = "Ana@Example.com",
            tags = new[] { " Tarot ", "tarot", "New" },
            isVip = true,
            attributes = new { sign = "Leo", visits = 3 },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = await created.BodyAsync();
        var id = customer.GetProperty("id").GetGuid();
        Assert.Equal("+34611223344", customer.GetProperty("phone").GetString());
        Assert.Equal("ana@example.com", customer.GetProperty("email").GetString());
        Assert.Equal(["tarot", "new"], customer.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(customer.GetProperty("isVip").GetBoolean());
        Assert.Equal("Leo", customer.GetProperty("attributes").GetProperty("sign").GetString());
        Assert.Equal(0, customer.GetProperty("notesCount").GetInt32());

        using var patched = await owner.PatchAsJsonAsync($"/api/customers/{id}", new { phone = "+44 20 7946 0958", email = "", isVip = false });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var updated = await patched.BodyAsync();
        Assert.Equal(("+442079460958", JsonValueKind.Null, false, "Ana García"), (updated.GetProperty("phone").GetString(), updated.GetProperty("email").ValueKind,
            updated.GetProperty("isVip").GetBoolean(), updated.GetProperty("name").GetString()));

        // Another customer with the same phone: a conflict naming the field.
        await (await owner.PostAsJsonAsync("/api/customers", new { name = "Copy", phone = "+442079460958" })).AssertProblemAsync(HttpStatusCode.Conflict, "phone");

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/customers/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("name", """{"email":"a@example.com"}""")]
    [InlineData("phone", """{"name":"A","phone":"12"}""")]
    [InlineData("phone", """{"name":"A","phone":"611223344"}""")]
    [InlineData("region", """{"name":"A","phone":"611223344","region":"XX"}""")]
    [InlineData("email", """{"name":"A","email":"not-an-address"}""")]
    [InlineData("waId", """{"name":"A","waId":"+34611223344"}""")]
    [InlineData("attributes", """{"name":"A","attributes":[1,2]}""")]
    public async Task Invalid_customer_is_refused_naming_the_field(string field, string json)
    {
        var (_, owner) = await fixture.NewTenantAsync();
        using var response = await owner.PostAsync("/api/customers", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task First_whatsapp_message_creates_the_customer_and_a_known_phone_is_linked_not_duplicated()
    {
        var (tenant, owner) = await fixture.NewTenantAsync();
        var known = await RecordsFixture.CreateCustomerAsync(owner, "Imported Iris", "+34622000111");

        using (var webhook = await fixture.App.PostWebhookAsync(
            MetaWebhooks.TextMessages(tenant.PhoneNumberId, new MetaWebhooks.TextMessage("34611000222", $"wamid.{Guid.NewGuid():N}", "Hola", "Nuria")), tenant.AppSecret))
        {
            webhook.EnsureSuccessStatusCode();
        }

        await fixture.App.CustomerWritesAsync(tenant, "34622000111", $"wamid.{Guid.NewGuid():N}", "Hi");

        var page = await (await owner.GetAsync("/api/customers")).BodyAsync();
        var customers = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, customers.Count);
        var nuria = Assert.Single(customers, c => c.GetProperty("waId").GetString() == "34611000222");
        Assert.Equal(("Nuria", "+34611000222"), (nuria.GetProperty("name").GetString(), nuria.GetProperty("phone").GetString()));
        Assert.NotEqual(JsonValueKind.Null, nuria.GetProperty("firstSeenAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, nuria.GetProperty("lastSeenAt").ValueKind);

        var iris = Assert.Single(customers, c => c.GetProperty("id").GetGuid() == known);
        Assert.Equal(("34622000111", "Imported Iris"), (iris.GetProperty("waId").GetString(), iris.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Customers_are_searched_filtered_and_paged_with_a_cursor()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        for (var i = 0; i < 7; i++)
        {
            using var response = await owner.PostAsJsonAsync("/api/customers", new
            {
                name = $"Customer {i}",
                phone = $"+3461100{i:D4}",
                email = $"c{i}@example.com",
                tags = i % 2 == 0 ? new[] { "even" } : new[] { "odd" },
                isVip = i == 3,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await owner.GetAsync($"/api/customers?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}")).BodyAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Customer {i}"), seen);

        async Task<IEnumerable<string?>> NamesAsync(string query) =>
            (await (await owner.GetAsync($"/api/customers?{query}")).BodyAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString());

        Assert.Equal(["Customer 4"], await NamesAsync("search=c4%40example"));
        Assert.Equal(["Customer 5"], await NamesAsync("search=0005"));
        Assert.Equal(["Customer 1", "Customer 3", "Customer 5"], await NamesAsync("search=ODD"));
        Assert.Equal(["Customer 0", "Customer 2", "Customer 4", "Customer 6"], await NamesAsync("tag=even"));
        Assert.Equal(["Customer 3"], await NamesAsync("vip=true"));
        Assert.Equal(["Customer 6"], await NamesAsync("search=customer%206"));

        await (await owner.GetAsync("/api/customers?cursor=garbage")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await owner.GetAsync("/api/customers?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");

        // Segments are saved filters.
        using var segment = await owner.PostAsJsonAsync("/api/customers/segments", new { name = "Odd VIPs", tag = "odd", vip = true });
        Assert.Equal(HttpStatusCode.Created, segment.StatusCode);
        var segmentId = (await segment.BodyAsync()).GetProperty("id").GetGuid();
        var members = await (await owner.GetAsync($"/api/customers/segments/{segmentId}/customers")).BodyAsync();
        Assert.Equal(["Customer 3"], members.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        using var renamed = await owner.PatchAsJsonAsync($"/api/customers/segments/{segmentId}", new { name = "Odd ones", vip = (bool?)null });
        Assert.Equal("Odd ones", (await renamed.BodyAsync()).GetProperty("name").GetString());
        Assert.Single((await (await owner.GetAsync("/api/customers/segments")).BodyAsync()).EnumerateArray());
        await (await owner.PostAsJsonAsync("/api/customers/segments", new { name = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/customers/segments/{segmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/customers/segments/{segmentId}")).StatusCode);
    }
}
