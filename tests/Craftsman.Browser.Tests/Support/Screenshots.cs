using System.Runtime.CompilerServices;

namespace Craftsman.Browser.Tests.Support;

/// <summary>
/// Every test's screenshots go under the test output's artifacts/screenshots/. With
/// CRAFTSMAN_DOCS_SCREENSHOTS set to a folder (e.g. docs/screenshots), the ones named for the
/// README are written there too.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static async Task Save(IPage page, string name, string? docsName = null, bool fullPage = false, [CallerMemberName] string test = "")
    {
        Directory.CreateDirectory(Folder);
        await Settle(page);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{test}-{name}.png"), FullPage = fullPage });
        if (docsName is not null && Environment.GetEnvironmentVariable("CRAFTSMAN_DOCS_SCREENSHOTS") is { Length: > 0 } docs)
        {
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, $"{docsName}.png"), bytes);
        }
    }

    /// <summary>Lets finite animations (rank changes, highlights) finish, so a picture shows the settled page.</summary>
    private static async Task Settle(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)",
                null, new PageWaitForFunctionOptions { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            // A picture of a moving page is still a picture.
        }
    }
}
