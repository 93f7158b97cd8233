using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests.Support;

/// <summary>axe-core against the WCAG 2.0/2.1 A and AA rules it can test automatically, on the page as it is now.</summary>
public static class Wcag
{
    private static readonly AxeRunOptions Aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task MeetsAa(IPage page, ITestOutputHelper output, string what)
    {
        var result = await page.RunAxe(Aa);
        var violations = result.Violations.SelectMany(v => v.Nodes.Select(n => $"[{v.Id}] {v.Help} at {n.Target}: {n.Html}")).ToList();
        foreach (var line in violations)
            output.WriteLine($"{what}: {line}");
        Assert.True(violations.Count == 0, $"{what}: WCAG A/AA violations:\n{string.Join("\n", violations)}");
    }
}
