using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Conversations.Infrastructure.Assistant;
using Conversations.TestSupport;
using Conversations.WebFrontend.Tests.Media;

namespace Conversations.WebFrontend.Tests;

/// <summary>
/// <c>./conversations backup</c> and <c>restore</c> (pg_dump / pg_restore): a business's data read back through the
/// API of an app started on the restored database is what it was, encrypted settings included.
/// </summary>
public sealed class BackupRestoreTests
{
    private static readonly string[] Reads =
    [
        "/api/conversations", "/api/customers", "/api/services", "/api/bookings", "/api/knowledge", "/api/settings/ai", "/api/settings/whatsapp",
        "/api/templates", "/api/employees",
    ];

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_serves_the_same_data()
    {
        await using var original = await TestDatabase.CreateAsync();
        await using var restored = await TestDatabase.CreateAsync(migrate: false);
        var dump = Path.Combine(Path.GetTempPath(), $"conversations-{Guid.NewGuid():N}.dump");
        TestTenant tenant;
        var customer = $"3466{Random.Shared.Next(1_000_000, 9_999_999)}";
        Guid conversation;
        Guid mediaId;
        var before = new Dictionary<string, string>();
        await using (var app = new ConversationsApp(original.ConnectionString))
        {
            app.StartServer();
            tenant = await app.CreateTenantAsync("Backed up");
            using var owner = await app.ClientOfAsync(tenant);
            (await owner.PatchAsJsonAsync("/api/settings/ai", new { provider = "openai", model = "gpt-4o-mini", apiKey = "sk-kept-through-restore" })).EnsureSuccessStatusCode();
            (await owner.PostAsJsonAsync("/api/knowledge", new { title = "Parking", body = "Behind the building." })).EnsureSuccessStatusCode();
            await app.CustomerWritesAsync(tenant, customer, "wamid.backup.1", "Hola, ¿tenéis hueco mañana?");
            await app.CustomerWritesAsync(tenant, customer, "wamid.backup.2", "A las 10 si puede ser");
            conversation = Grains.Interfaces.ConversationIds.For(tenant.BusinessId, customer);
            var upload = await MediaApiTests.UploadAsync(owner, SampleFiles.Pdf, "price list.pdf");
            mediaId = upload.GetProperty("id").GetGuid();
            foreach (var path in Reads.Append($"/api/messages?conversationId={conversation}").Append("/api/media"))
            {
                before[path] = await owner.GetStringAsync(path);
            }

            await RunAsync(original.ConnectionString, app.MediaFolder, "backup", dump);
        }

        await using (var app = new ConversationsApp(restored.ConnectionString))
        {
            await RunAsync(restored.ConnectionString, app.MediaFolder, "restore", dump);
            File.Delete(dump);
            app.StartServer();
            using var owner = await app.ClientOfAsync(tenant);
            foreach (var (path, json) in before)
            {
                Assert.Equal(Normalize(json), Normalize(await owner.GetStringAsync(path)));
            }

            // The file itself came back with its row: the media folder is part of the backup.
            Assert.Equal(SampleFiles.Pdf, await owner.GetByteArrayAsync($"/api/media/{mediaId}"));

            var settings = await app.Service<AssistantSettingsStore>().ReadForUseAsync(tenant.BusinessId, CancellationToken.None);
            Assert.Equal("sk-kept-through-restore", settings.ApiKey);

            // The restored product takes new messages on the same conversation, numbered after the old ones.
            await app.CustomerWritesAsync(tenant, customer, "wamid.backup.3", "¿Sigue en pie?");
            await app.CustomerWritesAsync(tenant, customer, "wamid.backup.1", "Hola, ¿tenéis hueco mañana?");
            var page = await owner.GetFromJsonAsync<JsonElement>($"/api/messages?conversationId={conversation}");
            Assert.Equal(
                [(1L, "wamid.backup.1"), (2L, "wamid.backup.2"), (3L, "wamid.backup.3")],
                page.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("sequence").GetInt64(), m.GetProperty("providerMessageId").GetString())));
        }
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private static async Task RunAsync(string connectionString, string mediaRoot, string command, string file)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "conversations"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(file);
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["Conversations__Media__Root"] = mediaRoot;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"./conversations {command} failed: {await output} {await error}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conversations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Conversations.sln not found above the test binaries.");
    }
}
