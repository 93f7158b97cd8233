namespace Craftsman.Browser.Tests.Support;

public static class Repository
{
    /// <summary>The repository's root: the folder holding Craftsman.sln, above the test output.</summary>
    public static string Root { get; } = FindRoot();

    public static string SampleEdition => Path.Combine(Root, "samples", "edition-2020.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Craftsman.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Craftsman.sln not found above " + AppContext.BaseDirectory);
    }
}
