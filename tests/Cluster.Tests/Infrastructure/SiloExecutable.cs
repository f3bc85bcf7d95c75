using System.Reflection;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>
/// The built <c>Conversations.Silo.dll</c> of this checkout, in the configuration the tests were built
/// in. The test project references the silo project without its assembly, so building the tests
/// builds the silo too.
/// </summary>
public static class SiloExecutable
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    /// <summary>The <c>dotnet</c> host that runs this test process, so the silo runs on the same runtime.</summary>
    public static string DotnetHost
    {
        get
        {
            // The .NET CLI sets DOTNET_HOST_PATH for the processes it starts (the test host among them).
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
            {
                return host;
            }

            var current = Environment.ProcessPath;
            return current is not null && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }
    }

    private static string Locate()
    {
        var assembly = typeof(SiloExecutable).Assembly;
        var configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Conversations.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"No Conversations.sln above {AppContext.BaseDirectory}.");
        }

        var path = System.IO.Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, "net10.0", "Conversations.Silo.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The silo is not built at {path}. Build the tests (which builds src/Silo) with 'dotnet build -c {configuration}'.");
        }

        return path;
    }
}
