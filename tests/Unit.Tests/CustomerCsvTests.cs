using System.Text;
using Conversations.Infrastructure.Customers;

namespace Conversations.Unit.Tests;

public sealed class CustomerCsvTests
{
    private static Task<(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportRejection> Rejected)> ParseAsync(string csv, string? region = "ES") =>
        CustomerCsv.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), region, CancellationToken.None);

    [Fact]
    public async Task Rows_are_normalised_and_unknown_columns_become_attributes()
    {
        var (rows, rejected) = await ParseAsync("Name;Phone;Email;Tags;VIP;Sign\nAna;611 000 001;ANA@example.com;\"A; b \";yes;Leo\n");
        Assert.Empty(rejected);
        var ana = Assert.Single(rows);
        Assert.Equal((2, "Ana", "+34611000001", "ana@example.com", true), (ana.Line, ana.Draft.Name, ana.Draft.Phone, ana.Draft.Email, ana.Draft.IsVip));
        Assert.Equal(["a", "b"], ana.Draft.Tags);
        Assert.Equal("""{"sign":"Leo"}""", ana.Draft.AttributesJson);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_even_after_a_multi_line_field()
    {
        var (rows, rejected) = await ParseAsync("name,phone,email\n\"Ana\nMaría\",611000001,\nBea,99,\nCarla,,carla@\n,,\n");
        Assert.Single(rows);
        Assert.Equal([(4, "phone"), (5, "email"), (6, "name")], rejected.Select(r => (r.Line, r.Field)));
    }

    [Fact]
    public async Task A_file_without_a_name_or_phone_column_is_rejected_at_line_one()
    {
        var (rows, rejected) = await ParseAsync("email\na@example.com\n");
        Assert.Empty(rows);
        Assert.Equal((1, "header"), (rejected[0].Line, rejected[0].Field));
    }

    [Fact]
    public async Task An_export_imports_back_without_its_platform_columns_and_attributes_must_be_a_json_object()
    {
        var (rows, rejected) = await ParseAsync(
            "id,name,phone,wa_id,attributes,created_at\n0190a000-0000-7000-8000-000000000001,Ana,+34611000001,34611000001,\"{\"\"sign\"\":\"\"Leo\"\"}\",2026-01-01T00:00:00Z\n,Bea,+34611000002,,[1],\n");
        Assert.Equal("""{"sign":"Leo"}""", Assert.Single(rows).Draft.AttributesJson);
        Assert.Equal((3, "attributes"), (rejected[0].Line, rejected[0].Field));
    }

    [Fact]
    public async Task Rows_with_one_phone_are_merged()
    {
        var (rows, _) = await ParseAsync("name,phone,tags,vip\nAna,611000001,a,no\nAna G,+34 611 000 001,b,yes\n");
        var ana = Assert.Single(rows);
        Assert.Equal(("Ana G", true), (ana.Draft.Name, ana.Draft.IsVip));
        Assert.Equal(["a", "b"], ana.Draft.Tags);
    }

    [Theory]
    [InlineData("+34 611 22 33 44", null, "+34611223344")]
    [InlineData("611223344", "ES", "+34611223344")]
    [InlineData("0034611223344", null, "+34611223344")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    public void Phones_are_normalised_to_E164(string raw, string? region, string expected) =>
        Assert.Equal(expected, CustomerPhones.Normalize(raw, region).E164);

    [Theory]
    [InlineData("611223344", null)]
    [InlineData("12", "ES")]
    [InlineData("not a phone", "ES")]
    public void Impossible_phones_are_refused(string raw, string? region) =>
        Assert.NotNull(CustomerPhones.Normalize(raw, region).Error);
}
