using Conversations.Infrastructure.Roles;

namespace Conversations.WebFrontend.Tests.Roles;

[Collection(AppCollection.Name)]
public sealed class PermissionsDocumentTests(AppFixture fixture)
{
    [Fact]
    public async Task The_permission_matrix_lists_every_permission_and_role_and_matches_the_code()
    {
        var expected = PermissionsDocument.Render(fixture.App.Services);
        var path = PermissionsDocument.PathInRepository();
        if (Environment.GetEnvironmentVariable("CONVERSATIONS_WRITE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(path, expected);
        }

        var written = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.All(Permissions.All, p => Assert.Contains($"| `{p.Name}` |", written, StringComparison.Ordinal));
        Assert.Contains($"| permission | allows | {string.Join(" | ", SystemRoles.All.Select(r => r.Name))} |", written, StringComparison.Ordinal);
        Assert.All(SystemRoles.All, r => Assert.Contains($"- **{r.Name}**:", written, StringComparison.Ordinal));
        Assert.True(
            written == expected,
            $"{PermissionsDocument.RelativePath} is out of date: run CONVERSATIONS_WRITE_DOCS=1 dotnet test tests/WebFrontend.Tests --filter PermissionsDocumentTests");
    }
}
