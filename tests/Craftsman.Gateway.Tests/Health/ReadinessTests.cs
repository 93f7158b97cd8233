using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Craftsman.Gateway.Tests.Health;

/// <summary>
/// Readiness follows the store: another process holding SQLite's write lock (as a backup tool or a
/// stuck writer would) makes the probe's write wait past its timeout, so /health/ready says not
/// ready while /health/live still answers; once the lock goes, ready again.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private GatewayFactory _factory = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), builder => builder.UseSetting("Craftsman:Silo:HealthProbeTimeout", "00:00:01"));
        _http = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ReadyTurnsUnhealthyWhileTheStoreCannotBeWrittenAndHealthyAfter()
    {
        var ready = await Health("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Checks["storage"]);
        Assert.Equal("Healthy", ready.Checks["silo"]);
        Assert.Equal("Healthy", ready.Checks["cluster"]);

        await using (var lockHolder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _factory.DatabasePath, Pooling = false }.ToString()))
        {
            await lockHolder.OpenAsync();
            await using (var take = lockHolder.CreateCommand())
            {
                take.CommandText = "BEGIN EXCLUSIVE;";
                await take.ExecuteNonQueryAsync();
            }

            var locked = await Health("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.Status);
            Assert.Equal("Unhealthy", locked.Checks["storage"]);
            Assert.Equal(HttpStatusCode.OK, (await Health("/health/live")).Status);

            await using var release = lockHolder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        // The writer was waiting on the lock; it commits the queued probe writes, then takes new ones.
        var again = await WaitForReady();
        Assert.Equal("Healthy", again.Checks["storage"]);
    }

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> Health(string path)
    {
        var response = await _http.GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> WaitForReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        (HttpStatusCode Status, Dictionary<string, string> Checks) last;
        do
        {
            last = await Health("/health/ready");
            if (last.Status == HttpStatusCode.OK)
                return last;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"/health/ready stayed {last.Status}: {string.Join(", ", last.Checks)}");
        return last;
    }
}
