using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Craftsman.Deploy.Tests;

/// <summary>
/// A gateway built for a cluster (-p:CraftsmanEmbedded=false) depends on the contracts, the
/// documents and the host plumbing only: no silo, grains, rules or SQLite reach its image. The
/// embedded build (the default) still co-hosts the silo. Read from MSBuild's own evaluation of the
/// projects, the way the build resolves them.
/// </summary>
public sealed partial class GatewayBoundaryTests
{
    private static readonly string Gateway = Path.Combine(Repository.Root, "src", "Gateway", "Craftsman.Gateway.csproj");

    private static readonly string[] SiloPackages =
        ["Microsoft.Orleans.Server", "Microsoft.Orleans.Runtime", "Microsoft.Data.Sqlite", "Microsoft.Orleans.Persistence.AdoNet", "Microsoft.Orleans.Reminders.AdoNet"];

    [Fact]
    public void ClusterGatewayReachesOnlyTheContractsTheDocumentsAndTheHostPlumbing()
    {
        var closure = Closure(Gateway, "-p:CraftsmanEmbedded=false");

        Assert.Equal(["Craftsman.Contracts", "Craftsman.Documents", "Craftsman.Gateway", "Craftsman.Hosting"],
            closure.Projects.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        Assert.Empty(closure.Packages.Intersect(SiloPackages));
    }

    [Fact]
    public void EmbeddedGatewayStillCoHostsTheSilo()
    {
        var closure = Closure(Gateway);

        Assert.Contains(closure.Projects, p => Path.GetFileNameWithoutExtension(p) == "Craftsman.Silo");
        Assert.Contains("Microsoft.Data.Sqlite", closure.Packages);
    }

    [Fact]
    public void ClusterGatewaySourcesNameNothingOfTheSiloGrainsOrRules()
    {
        var sources = Items(Gateway, "Compile", "-p:CraftsmanEmbedded=false")
            .Select(i => i.GetProperty("FullPath").GetString()!)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => s.Contains($"{Path.DirectorySeparatorChar}Embedded{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var offending = sources
            .Where(s => SiloNamespace().IsMatch(OutsideEmbeddedBlocks(File.ReadAllText(s))))
            .Select(s => Path.GetRelativePath(Repository.Root, s))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void TheSourceCheckSeesANameOutsideTheEmbeddedBlocks()
    {
        const string source = "#if CRAFTSMAN_EMBEDDED\nusing Craftsman.Silo.Backups;\n#endif\nusing Craftsman.Rules.Scoring;\n";

        Assert.Matches(SiloNamespace(), OutsideEmbeddedBlocks(source));
        Assert.DoesNotMatch(SiloNamespace(), OutsideEmbeddedBlocks(source.Replace("using Craftsman.Rules.Scoring;", "")));
    }

    /// <summary>The text the cluster build compiles: what stands between "#if CRAFTSMAN_EMBEDDED" and its "#else"/"#endif" is left out.</summary>
    private static string OutsideEmbeddedBlocks(string source)
    {
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#if CRAFTSMAN_EMBEDDED", StringComparison.Ordinal))
                skipping = true;
            else if (skipping && (trimmed.StartsWith("#else", StringComparison.Ordinal) || trimmed.StartsWith("#endif", StringComparison.Ordinal)))
                skipping = false;
            else if (!skipping)
                kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"\bCraftsman\.(Silo|Grains|Rules)\b")]
    private static partial Regex SiloNamespace();

    private sealed record ProjectClosure(IReadOnlyList<string> Projects, IReadOnlySet<string> Packages);

    private static ProjectClosure Closure(string root, params string[] properties)
    {
        var projects = new List<string>();
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var project))
        {
            if (projects.Contains(project))
                continue;
            projects.Add(project);
            var items = Evaluate(project, ["ProjectReference", "PackageReference"], project == root ? properties : []);
            foreach (var reference in Named(items, "ProjectReference"))
                pending.Enqueue(reference.GetProperty("FullPath").GetString()!);
            foreach (var package in Named(items, "PackageReference"))
                packages.Add(package.GetProperty("Identity").GetString()!);
        }
        return new ProjectClosure(projects, packages);
    }

    private static IEnumerable<JsonElement> Items(string project, string item, params string[] properties) =>
        Named(Evaluate(project, [item], properties), item);

    private static IEnumerable<JsonElement> Named(JsonElement items, string name) =>
        items.TryGetProperty(name, out var list) ? list.EnumerateArray() : [];

    private static JsonElement Evaluate(string project, string[] items, string[] properties)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "msbuild", project, "-nologo" }.Concat(properties).Concat(items.Select(i => $"-getItem:{i}")))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild {project} failed: {output.Result}{error.Result}");
        return JsonDocument.Parse(output.Result).RootElement.GetProperty("Items").Clone();
    }
}
