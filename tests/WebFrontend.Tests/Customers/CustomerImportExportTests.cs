using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Customers;

[Collection(RecordsCollection.Name)]
public sealed class CustomerImportExportTests(RecordsFixture fixture)
{
    private const string Csv =
        """
        name,phone,email,tags,vip,city
        Ana,611 000 001,ana@example.com,tarot;new,yes,Madrid
        Bad Phone,12,,,,
        ,,,,,
        Ben,+44 20 7946 0001,not-an-email,,,
        Carla,611000003,,,maybe,
        Ana García,+34611000001,,vip-list,,Sevilla
        Dora,,dora@example.com,,,Bilbao
        """;

    private static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task All_or_nothing_import_with_bad_rows_imports_nothing_and_lists_every_bad_line()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        using var response = await owner.PostAsync("/api/customers/import?mode=all-or-nothing&region=ES", CsvBody(Csv));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal(
            [(3, "phone"), (4, "name"), (5, "email"), (6, "vip")],
            body.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString())));
        Assert.All(body.GetProperty("rejected").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
        Assert.Empty((await (await owner.GetAsync("/api/customers")).BodyAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Per_row_import_takes_the_good_rows_merges_by_phone_and_reports_the_rest()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        var existing = await RecordsFixture.CreateCustomerAsync(owner, "Dora Old", "+34611000009");

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv + "\nDora New,611000009,,regular,,\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");
        using var response = await owner.PostAsync("/api/customers/import?mode=per-row&region=ES", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.BodyAsync();
        Assert.Equal((2, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("merged").GetInt32()));
        Assert.Equal([3, 4, 5, 6], result.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));

        var customers = (await (await owner.GetAsync("/api/customers?limit=50")).BodyAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, customers.Count);
        var ana = Assert.Single(customers, c => c.GetProperty("phone").GetString() == "+34611000001");
        Assert.Equal("Ana García", ana.GetProperty("name").GetString()); // the two Ana rows were merged
        Assert.Equal(["tarot", "new", "vip-list"], ana.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Sevilla", ana.GetProperty("attributes").GetProperty("city").GetString());
        Assert.True(ana.GetProperty("isVip").GetBoolean());
        var dora = Assert.Single(customers, c => c.GetProperty("id").GetGuid() == existing);
        Assert.Equal(("Dora New", "regular"), (dora.GetProperty("name").GetString(), dora.GetProperty("tags")[0].GetString()));
    }

    [Fact]
    public async Task Import_needs_a_mode_and_a_csv_and_export_streams_every_customer_as_csv()
    {
        var (_, owner) = await fixture.NewTenantAsync();
        await (await owner.PostAsync("/api/customers/import", CsvBody(Csv))).AssertProblemAsync(HttpStatusCode.BadRequest, "mode");
        await (await owner.PostAsync("/api/customers/import?mode=per-row", new StringContent("{}", Encoding.UTF8, "application/json"))).AssertProblemAsync(HttpStatusCode.BadRequest, "file");

        await RecordsFixture.CreateCustomerAsync(owner, "Eva, \"the\" seer", "+34611000100");
        await RecordsFixture.CreateCustomerAsync(owner, "Fran", "+34611000101");
        using var export = await owner.GetAsync("/api/customers/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,phone,email,wa_id,tags,vip,attributes", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"Eva, \"\"the\"\" seer\",+34611000100", lines[1]);

        // What was exported imports again (into another business) as the same customers.
        var (_, other) = await fixture.NewTenantAsync();
        using var reimport = await other.PostAsync("/api/customers/import?mode=all-or-nothing", CsvBody(string.Join("\n", lines)));
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
        Assert.Equal(2, (await reimport.BodyAsync()).GetProperty("created").GetInt32());
        var copies = (await (await other.GetAsync("/api/customers")).BodyAsync()).GetProperty("items");
        Assert.Equal("Eva, \"the\" seer", copies[0].GetProperty("name").GetString());
        Assert.Empty(copies[0].GetProperty("attributes").EnumerateObject());
    }
}
