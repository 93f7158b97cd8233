using Xunit.Abstractions;

namespace Craftsman.Browser.Tests.Support;

/// <summary>Copies what a page logs (console warnings and errors, uncaught exceptions) into the test output.</summary>
public static class PageLog
{
    public static IPage Watch(this IPage page, ITestOutputHelper output, string name)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                Write(output, $"[{name}] console.{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => Write(output, $"[{name}] page error: {error}");
        return page;
    }

    private static void Write(ITestOutputHelper output, string line)
    {
        try { output.WriteLine(line); } catch (InvalidOperationException) { /* the test has ended */ }
    }
}
