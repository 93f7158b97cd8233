using System.Diagnostics;
using Craftsman.Browser.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>
/// The pages from a cluster-mode gateway, as deploy/cluster/start.sh runs it (published, two silos,
/// two gateways, PostgreSQL): the board loads with its scripts, styles and the sample's standings.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterBoardTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_gateway_started_by_the_cluster_script_serves_the_live_board()
    {
        var started = await Script("deploy/cluster/start.sh", "--password", "cluster-board-test", "--owner-pid", $"{Environment.ProcessId}");
        var values = started.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        var runDir = values["CRAFTSMAN_RUN_DIR"];
        try
        {
            foreach (var (gateway, i) in values["CRAFTSMAN_GATEWAY_URLS"].Split(',').Select((g, i) => (g, i + 1)))
            {
                await using var viewer = await browser.Desktop();
                var board = (await viewer.NewPageAsync()).Watch(output, "cluster-board");
                var response = await board.GotoAsync($"{gateway}/board/?edition=2020&occupation=cnc-lathe");
                Assert.Equal(200, response!.Status);
                // The sample's three contestants, from the cluster over the live hub: the page's script ran.
                await Expect(board.Locator(".standings tbody tr")).ToHaveCountAsync(3);
                await Expect(board.Locator(".standings tbody tr[data-contestant='C007']")).ToBeVisibleAsync();
                await Screenshots.Save(board, $"gateway{i}");
            }
        }
        finally
        {
            await Script("deploy/cluster/stop.sh", runDir);
        }
    }

    private async Task<string> Script(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        output.WriteLine($"{script}: exit {process.ExitCode}\n{await stderr}");
        Assert.True(process.ExitCode == 0, $"{script} failed with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
