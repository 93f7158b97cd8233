using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Craftsman.Silo.Backups;
using Craftsman.Verify;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Craftsman.Gateway.Tests.Backups;

/// <summary>
/// A backup taken while judges mark is a consistent store: restored into a fresh start (another
/// file, another process's worth of silo), every ledger verifies and every mark acknowledged before
/// the backup began is in it.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string Contest = "/api/editions/2020/occupations/cnc-lathe";

    [Fact]
    public async Task BackupTakenDuringMarkingRestoresIntoAFreshStartWhoseLedgersVerify()
    {
        var backupFolder = Path.Combine(Path.GetTempPath(), "craftsman-tests", $"backups-{Guid.NewGuid():N}");
        string backupPath;
        int acknowledgedBeforeBackup;
        await using (var first = new GatewayFactory(GatewayFactory.NewDatabasePath(), builder => builder.UseSetting("Craftsman:Backups:Folder", backupFolder)))
        {
            var client = new GatewayClient(first);
            await client.GoLive();
            var judges = new[] { "J014", "J015", "J016" };
            // One at a time: issuing a panel's codes replaces the codes issued before.
            var http = new List<HttpClient>();
            foreach (var judge in judges)
                http.Add(await client.Judge(judge));
            var acknowledged = 0;
            using var stop = new CancellationTokenSource();
            var marking = Task.WhenAll(http.Select((judge, j) => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested || i < 10; i++)
                {
                    var value = 10m + (i % 20) * 0.5m;
                    var response = await judge.PostAsJsonAsync($"{Contest}/marks", new { idempotencyKey = $"{judges[j]}-{i}", contestantId = "C007", criterionId = "P3", value });
                    response.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref acknowledged);
                }
            })));
            while (Volatile.Read(ref acknowledged) < 15)
                await Task.Delay(20);

            acknowledgedBeforeBackup = Volatile.Read(ref acknowledged);
            var organiser = await client.Organiser();
            var taken = await (await organiser.PostAsync("/api/backups", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            stop.Cancel();
            await marking;
            backupPath = Path.Combine(backupFolder, taken.GetProperty("file").GetString()!);
        }

        var restoredDatabase = GatewayFactory.NewDatabasePath();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Craftsman:Silo:DatabasePath"] = restoredDatabase }).Build();
        Assert.Equal(0, StoreRestore.Run(backupPath, settings, TextWriter.Null));

        await using var restored = new GatewayFactory(restoredDatabase);
        var office = await new GatewayClient(restored).Organiser();
        var occupations = await office.GetFromJsonAsync<JsonElement>("/api/editions/2020/occupations");
        Assert.Equal(30, occupations.GetArrayLength());
        foreach (var occupation in occupations.EnumerateArray().Select(o => o.GetProperty("code").GetString()))
        {
            var ledger = Encoding.UTF8.GetString(await office.GetByteArrayAsync($"/api/editions/2020/occupations/{occupation}/ledger"));
            var lines = ledger.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var (ok, report) = LedgerVerifier.Verify(lines);
            Assert.True(ok, $"{occupation}: {report}");
            if (occupation == "cnc-lathe")
                Assert.True(lines.Count(l => l.Contains("\"kind\":\"mark\"", StringComparison.Ordinal)) >= acknowledgedBeforeBackup);
        }
    }
}
