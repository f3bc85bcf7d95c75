using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Conversations.Infrastructure.Customers;

/// <summary>
/// The customer CSV: columns <c>name, phone, email, tags, vip, attributes</c> (tags separated by ';', vip
/// true/false/yes/no/1/0, attributes a JSON object); any other column becomes a custom attribute, except the
/// platform's own export columns (id, wa_id, first/last seen, created). Rows with the same phone are merged.
/// </summary>
public static class CustomerCsv
{
    public static readonly string[] Columns = ["id", "name", "phone", "email", "wa_id", "tags", "vip", "attributes", "first_seen_at", "last_seen_at", "created_at"];

    private static readonly string[] Known = ["name", "phone", "email", "tags", "vip", "attributes"];

    // Columns of our own export that are the platform's, not the business's: skipped, so an export imports back cleanly.
    private static readonly string[] Ignored = ["id", "wa_id", "first_seen_at", "last_seen_at", "created_at"];

    public static async Task<(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportRejection> Rejected)> ParseAsync(
        Stream input, string? region, CancellationToken cancellationToken)
    {
        var rows = new List<ImportRow>();
        var rejected = new List<ImportRejection>();
        var options = new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true, IncludeValuesInExceptions = false };
        await using var csv = CsvReader.Create(input, options, true);
        await csv.ReadHeaderAsync(cancellationToken);
        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!headers.Contains("name") && !headers.Contains("phone"))
        {
            rejected.Add(new ImportRejection(1, "header", "The first line must be a header naming a 'name' or a 'phone' column (and optionally email, tags, vip)."));
            return (rows, rejected);
        }

        while (await csv.ReadAsync(cancellationToken))
        {
            var line = (int)csv.LineNumber;
            string? Field(string name)
            {
                var index = Array.IndexOf(headers, name);
                return index < 0 || index >= csv.FieldCount || csv.IsEmpty(index) ? null : csv.GetString(index).Trim() is { Length: > 0 } v ? v : null;
            }

            if (csv.FieldCount != headers.Length)
            {
                rejected.Add(new ImportRejection(line, "row", $"Expected {headers.Length} fields, found {csv.FieldCount}."));
                continue;
            }

            if (Parse(line, Field, headers, region) is { } row)
            {
                if (row.Rejection is { } rejection)
                {
                    rejected.Add(rejection);
                }
                else
                {
                    rows.Add(row.Row!);
                }
            }
        }

        return (Merge(rows), rejected);
    }

    private static (ImportRow? Row, ImportRejection? Rejection)? Parse(int line, Func<string, string?> field, string[] headers, string? region)
    {
        var name = field("name");
        var rawPhone = field("phone");
        var email = field("email");
        string? phone = null;
        if (name is null && rawPhone is null)
        {
            return (null, new ImportRejection(line, "name", "A row needs a name or a phone."));
        }

        if (name is { Length: > 200 })
        {
            return (null, new ImportRejection(line, "name", "At most 200 characters."));
        }

        if (rawPhone is not null)
        {
            (phone, var error) = CustomerPhones.Normalize(rawPhone, region);
            if (error is not null)
            {
                return (null, new ImportRejection(line, "phone", error));
            }
        }

        if (email is not null && !CustomerFields.IsEmail(email))
        {
            return (null, new ImportRejection(line, "email", "Not an e-mail address."));
        }

        var vip = false;
        if (field("vip") is { } rawVip && !CustomerFields.TryParseFlag(rawVip, out vip))
        {
            return (null, new ImportRejection(line, "vip", "Use true/false, yes/no or 1/0."));
        }

        var tags = CustomerFields.NormalizeTags(field("tags")?.Split(';') ?? []);
        if (CustomerFields.TagsError(tags) is { } tagsError)
        {
            return (null, new ImportRejection(line, "tags", tagsError));
        }

        var attributes = new JsonObject();
        if (field("attributes") is { } json)
        {
            try
            {
                attributes = JsonNode.Parse(json) as JsonObject ?? throw new JsonException();
            }
            catch (JsonException)
            {
                return (null, new ImportRejection(line, "attributes", "Must be a JSON object."));
            }
        }

        foreach (var header in headers.Where(h => !Known.Contains(h) && !Ignored.Contains(h) && h.Length > 0))
        {
            if (field(header) is { } value)
            {
                attributes[header] = value;
            }
        }

        return (new ImportRow(line, new CustomerDraft(name, null, phone, email?.ToLowerInvariant(), tags, vip, attributes.ToJsonString())), null);
    }

    /// <summary>Rows with one phone become one: later values win, tags add up, VIP once is VIP.</summary>
    public static IReadOnlyList<ImportRow> Merge(IReadOnlyList<ImportRow> rows)
    {
        var merged = new List<ImportRow>();
        var byPhone = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Draft.Phone is { } phone && byPhone.TryGetValue(phone, out var index))
            {
                var first = merged[index].Draft;
                var attributes = JsonNode.Parse(first.AttributesJson)!.AsObject();
                foreach (var (key, value) in JsonNode.Parse(row.Draft.AttributesJson)!.AsObject())
                {
                    attributes[key] = value?.DeepClone();
                }

                merged[index] = merged[index] with
                {
                    Draft = first with
                    {
                        Name = row.Draft.Name ?? first.Name,
                        Email = row.Draft.Email ?? first.Email,
                        Tags = first.Tags.Union(row.Draft.Tags).ToList(),
                        IsVip = first.IsVip || row.Draft.IsVip,
                        AttributesJson = attributes.ToJsonString(),
                    },
                };
                continue;
            }

            if (row.Draft.Phone is { } newPhone)
            {
                byPhone[newPhone] = merged.Count;
            }

            merged.Add(row);
        }

        return merged;
    }

    /// <summary>Writes the customers as CSV to <paramref name="output"/> as they are read, flushing as the buffer fills.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<CustomerRecord> customers, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { TrueValue = "true", FalseValue = "false" }, true);
        await csv.WriteRecordAsync(Columns, cancellationToken);
        await foreach (var c in customers.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
                [
                    c.Id.ToString(),
                    c.Name ?? "",
                    c.Phone ?? "",
                    c.Email ?? "",
                    c.WaId ?? "",
                    string.Join(';', c.Tags),
                    c.IsVip ? "true" : "false",
                    c.Attributes.GetRawText(),
                    c.FirstSeenAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    c.LastSeenAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    c.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                ],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
