namespace Craftsman.Deploy.Tests;

/// <summary>The repository's root, found upwards from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Craftsman.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"Craftsman.sln not found above {AppContext.BaseDirectory}.");
    }
}
