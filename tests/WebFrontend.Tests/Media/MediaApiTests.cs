using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Bookings;

namespace Conversations.WebFrontend.Tests.Media;

[Collection(MediaCollection.Name)]
public sealed class MediaApiTests(MediaFixture fixture)
{
    private ConversationsApp App => fixture.App;

    private AccountsClient Accounts => new(App);

    private async Task<(TestTenant Tenant, AccountsClient.Tokens Owner, HttpClient Client)> NewTenantAsync(string name = "Media")
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

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType = "application/octet-stream", string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    public static async Task<JsonElement> UploadAsync(HttpClient client, byte[] bytes, string fileName, string contentType = "application/octet-stream")
    {
        using var response = await client.PostAsync("/api/media", Form(bytes, fileName, contentType));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Guid Id(JsonElement media) => media.GetProperty("id").GetGuid();

    private string? PathOnDisk(Guid businessId, Guid mediaId) =>
        Directory.Exists(Path.Combine(App.MediaFolder, businessId.ToString("N")))
            ? Directory.EnumerateFiles(Path.Combine(App.MediaFolder, businessId.ToString("N")), mediaId.ToString("N"), SearchOption.AllDirectories).SingleOrDefault()
            : null;

    public static TheoryData<string, string, string, string> KnownFiles() => new()
    {
        { nameof(SampleFiles.Png), "image/png", "image", "inline" },
        { nameof(SampleFiles.Jpeg), "image/jpeg", "image", "inline" },
        { nameof(SampleFiles.Gif), "image/gif", "image", "inline" },
        { nameof(SampleFiles.WebP), "image/webp", "image", "inline" },
        { nameof(SampleFiles.Pdf), "application/pdf", "document", "attachment" },
        { nameof(SampleFiles.Mp4), "video/mp4", "video", "inline" },
        { nameof(SampleFiles.M4a), "audio/mp4", "audio", "inline" },
        { nameof(SampleFiles.OggOpus), "audio/ogg", "audio", "inline" },
        { nameof(SampleFiles.Mp3), "audio/mpeg", "audio", "inline" },
        { nameof(SampleFiles.Mp3Frame), "audio/mpeg", "audio", "inline" },
        { nameof(SampleFiles.Aac), "audio/aac", "audio", "inline" },
        { nameof(SampleFiles.Amr), "audio/amr", "audio", "inline" },
    };

    private static byte[] Sample(string name) => (byte[])typeof(SampleFiles).GetProperty(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(KnownFiles))]
    public async Task An_upload_is_stored_as_the_type_its_content_is_and_served_back_with_safe_headers(
        string sample, string mimeType, string kind, string disposition)
    {
        var (tenant, owner, client) = await NewTenantAsync();
        var bytes = Sample(sample);

        // The name and the declared type say nothing true; only the content does.
        var media = await UploadAsync(client, bytes, "upload.bin", "text/html");
        Assert.Equal(mimeType, media.GetProperty("mimeType").GetString());
        Assert.Equal(kind, media.GetProperty("kind").GetString());
        Assert.Equal(bytes.Length, media.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("upload", media.GetProperty("source").GetString());
        Assert.Equal(owner.Employee.Id, media.GetProperty("uploadedBy").GetGuid());
        Assert.Equal($"/api/media/{Id(media)}", media.GetProperty("url").GetString());
        var fileName = media.GetProperty("fileName").GetString()!;
        Assert.StartsWith("upload.", fileName);
        Assert.NotEqual("upload.bin", fileName);

        using var served = await client.GetAsync($"/api/media/{Id(media)}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(mimeType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", Assert.Single(served.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(disposition, served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, served.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("private", served.Headers.CacheControl?.ToString());
        Assert.NotNull(served.Headers.ETag);

        // On disk, in the business's folder, under the id: nothing the client chose.
        var path = PathOnDisk(tenant.BusinessId, Id(media));
        Assert.NotNull(path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.True(await fixture.Database.ScalarAsync<bool>(
            "SELECT storage = 'disk' AND bytes IS NULL FROM media_files WHERE id = @id", ("id", Id(media))));
    }

    [Fact]
    public async Task A_pdf_named_png_is_stored_as_the_pdf_it_is()
    {
        var (_, _, client) = await NewTenantAsync();
        var media = await UploadAsync(client, SampleFiles.Pdf, "holiday photo.png", "image/png");
        Assert.Equal("application/pdf", media.GetProperty("mimeType").GetString());
        Assert.Equal("document", media.GetProperty("kind").GetString());
        Assert.Equal("holiday photo.pdf", media.GetProperty("fileName").GetString());

        using var served = await client.GetAsync($"/api/media/{Id(media)}");
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("holiday photo.pdf", served.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData(nameof(SampleFiles.Executable), "setup.exe")]
    [InlineData(nameof(SampleFiles.Executable), "cat.png")]
    [InlineData(nameof(SampleFiles.Svg), "logo.png")]
    [InlineData(nameof(SampleFiles.Html), "page.pdf")]
    [InlineData(nameof(SampleFiles.Text), "notes.jpg")]
    public async Task Content_of_a_type_not_accepted_is_refused_naming_the_file_whatever_its_name(string sample, string fileName)
    {
        var (_, _, client) = await NewTenantAsync();
        await (await client.PostAsync("/api/media", Form(Sample(sample), fileName, "image/png"))).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        Assert.Empty((await (await client.GetAsync("/api/media")).BodyAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_empty_file_a_missing_file_and_a_body_that_is_not_a_form_are_refused_naming_the_file()
    {
        var (_, _, client) = await NewTenantAsync();
        await (await client.PostAsync("/api/media", Form([], "empty.png"))).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await client.PostAsync("/api/media", Form(SampleFiles.Png, "dot.png", field: "picture"))).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await client.PostAsync("/api/media", new ByteArrayContent(SampleFiles.Png) { Headers = { ContentType = new("image/png") } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await client.PostAsJsonAsync("/api/media", new { file = "iVBORw0KGgo=" })).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_413_whether_or_not_its_length_is_announced()
    {
        var (_, _, client) = await NewTenantAsync();
        Assert.Equal(MediaFixture.MaxUploadBytes, (await UploadAsync(client, SampleFiles.PngOfLength(MediaFixture.MaxUploadBytes), "full.png")).GetProperty("sizeBytes").GetInt64());

        await (await client.PostAsync("/api/media", Form(SampleFiles.PngOfLength(MediaFixture.MaxUploadBytes + 1), "big.png")))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file");
        await (await client.PostAsync("/api/media", Form(SampleFiles.PngOfLength(MediaFixture.MaxUploadBytes * 4), "huge.png")))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file");

        // Sent in chunks, without a Content-Length: counted as it arrives.
        var chunked = new MultipartFormDataContent { { new StreamContent(new UnknownLengthStream(SampleFiles.PngOfLength(MediaFixture.MaxUploadBytes + 1))), "file", "chunked.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file");

        Assert.Single((await (await client.GetAsync("/api/media")).BodyAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Another_business_s_media_is_not_found_and_strangers_get_nothing()
    {
        var (_, _, client) = await NewTenantAsync("Media owner");
        var media = Id(await UploadAsync(client, SampleFiles.Png, "dot.png"));
        var (_, _, stranger) = await NewTenantAsync("Media stranger");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/media/{media}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/media/{media}")).StatusCode);
        Assert.Empty((await (await stranger.GetAsync("/api/media")).BodyAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync($"/api/media/{media}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/media/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/media/{media}")).StatusCode);
    }

    [Fact]
    public async Task Uploads_are_listed_newest_first_in_pages_and_by_kind()
    {
        var (_, _, client) = await NewTenantAsync();
        var png = Id(await UploadAsync(client, SampleFiles.Png, "a.png"));
        var pdf = Id(await UploadAsync(client, SampleFiles.Pdf, "b.pdf"));
        var ogg = Id(await UploadAsync(client, SampleFiles.OggOpus, "c.ogg"));
        var gif = Id(await UploadAsync(client, SampleFiles.Gif, "d.gif"));

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/media?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}")).BodyAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal([gif, ogg, pdf, png], seen);

        Assert.Equal([gif, png], (await (await client.GetAsync("/api/media?kind=image")).BodyAsync()).GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal([pdf], (await (await client.GetAsync("/api/media?kind=document")).BodyAsync()).GetProperty("items").EnumerateArray().Select(Id));
        await (await client.GetAsync("/api/media?kind=sticker")).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await client.GetAsync("/api/media?cursor=nope")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await client.GetAsync("/api/media?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task The_uploader_or_an_owner_or_admin_deletes_a_file_and_it_leaves_the_disk_and_the_log_says_so()
    {
        var (tenant, owner, client) = await NewTenantAsync();
        var agent = await Accounts.NewEmployeeAsync(owner, "agent");
        var colleague = await Accounts.NewEmployeeAsync(owner, "agent");
        var agentClient = Client(agent.AccessToken);
        var colleagueClient = Client(colleague.AccessToken);
        var mine = Id(await UploadAsync(agentClient, SampleFiles.Png, "mine.png"));
        var theirs = Id(await UploadAsync(colleagueClient, SampleFiles.Gif, "theirs.gif"));
        var path = PathOnDisk(tenant.BusinessId, mine);
        Assert.NotNull(path);

        Assert.Equal(HttpStatusCode.Forbidden, (await colleagueClient.DeleteAsync($"/api/media/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agentClient.DeleteAsync($"/api/media/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agentClient.DeleteAsync($"/api/media/{mine}")).StatusCode);
        Assert.False(File.Exists(path));
        Assert.Equal(HttpStatusCode.NotFound, (await agentClient.GetAsync($"/api/media/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agentClient.DeleteAsync($"/api/media/{mine}")).StatusCode);

        // An owner (or an admin) deletes anyone's.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/media/{theirs}")).StatusCode);
        Assert.Null(PathOnDisk(tenant.BusinessId, theirs));

        var log = (await (await client.GetAsync("/api/activity?action=media")).BodyAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [("media.deleted", theirs, owner.Employee.Id), ("media.deleted", mine, agent.Employee.Id), ("media.uploaded", theirs, colleague.Employee.Id), ("media.uploaded", mine, agent.Employee.Id)],
            log.Select(e => (e.GetProperty("action").GetString(), Guid.Parse(e.GetProperty("targetId").GetString()!), e.GetProperty("employeeId").GetGuid())));
        Assert.Equal("image/png", log[3].GetProperty("details").GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task A_file_whose_row_is_deleted_elsewhere_such_as_by_an_erasure_leaves_the_disk_too()
    {
        var (tenant, _, client) = await NewTenantAsync();
        var media = Id(await UploadAsync(client, SampleFiles.Png, "dot.png"));
        var path = PathOnDisk(tenant.BusinessId, media);
        Assert.NotNull(path);

        await fixture.Database.ScalarAsync<int>("WITH gone AS (DELETE FROM media_files WHERE id = @id RETURNING 1) SELECT count(*)::int FROM gone", ("id", media));
        await Eventually.GetAsync(() => Task.FromResult(File.Exists(path)), exists => !exists, what: "the file to leave the disk");
        await Eventually.GetAsync(() => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM media_removals"), count => count == 0, what: "the removal queue to empty");
    }

    [Fact]
    public async Task Files_stored_in_the_database_before_migration_0020_are_still_served()
    {
        var (tenant, _, client) = await NewTenantAsync();
        var id = Guid.CreateVersion7();
        await fixture.Database.ScalarAsync<int>(
            """
            WITH stored AS (
                INSERT INTO media_files (id, business_id, mime_type, file_name, size_bytes, sha256, bytes)
                VALUES (@id, @b, 'image/png', 'old.png', @size, 'abc123', @bytes) RETURNING 1)
            SELECT count(*)::int FROM stored
            """,
            ("id", id), ("b", tenant.BusinessId), ("size", (long)SampleFiles.Png.Length), ("bytes", SampleFiles.Png));

        using var served = await client.GetAsync($"/api/media/{id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(SampleFiles.Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"abc123\"", served.Headers.ETag?.Tag);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/media/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_range_of_a_file_is_served_for_players_that_seek()
    {
        var (_, _, client) = await NewTenantAsync();
        var media = Id(await UploadAsync(client, SampleFiles.Mp3, "song.mp3"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{media}") { Headers = { Range = new RangeHeaderValue(0, 3) } };
        using var partial = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(SampleFiles.Mp3[..4], await partial.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A stream that does not tell its length, so the client sends it in chunks.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
