using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Craftsman.Gateway.Connections;
using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Craftsman.Gateway.Tests.Live;

/// <summary>
/// Connections that stop reading delay nobody: on a real Kestrel port (the test server has no
/// socket back-pressure), 200 viewers complete the SignalR handshake, fill their buffers and never
/// read again, while one viewer reads and a judge marks twice a second.
/// </summary>
public sealed class SlowViewerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int NonReaders = 200;
    private const int AnswersLeftUnread = 300;
    private GatewayFactory _factory = null!;
    private readonly List<IDisposable> _sockets = [];

    public Task InitializeAsync()
    {
        _factory = new GatewayFactory(GatewayFactory.NewDatabasePath(), builder =>
        {
            builder.UseSetting("Craftsman:Live:ConnectionsPerAddress", "0");
            // Isolation, not dropping, is what this test shows: stalled connections stay open throughout.
            builder.UseSetting("Craftsman:Live:StalledPushLimit", "01:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // A fixed, small send buffer on every accepted socket (Linux copies it from the listener): without it the
            // kernel grows a socket's buffer to megabytes and a client that stops reading would not hold the server up at all.
            // Kestrel itself drops a client that reads slower than its minimum rate; switched off, the stalled
            // connections stay for the whole run, the worst case for everyone else.
            builder.ConfigureServices(services => services
                .Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
                {
                    var listener = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                    listener.SendBufferSize = 4096;
                    return listener;
                })
                .Configure<KestrelServerOptions>(o => o.Limits.MinResponseDataRate = null)
                // Nor may SignalR close them for their silence (30 s by default) while the run lasts.
                .Configure<HubOptions>(o => o.ClientTimeoutInterval = TimeSpan.FromMinutes(10)));
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var socket in _sockets)
            socket.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ReadingViewerKeepsReceivingEveryBoardWhileTwoHundredViewersStopReading()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("CRAFTSMAN_SLOW_VIEWER_SECONDS"), out var s) ? s : 10;
        var client = new GatewayClient(_factory);
        await client.GoLive();
        var port = new Uri(_factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

        for (var i = 0; i < NonReaders; i++)
            await OpenNonReader(port);

        var pushes = new List<(TimeSpan At, long Version, long Follows)>();
        var clock = Stopwatch.StartNew();
        var viewer = Connect(port, "/hubs/live");
        viewer.On<JsonElement>("LeaderboardChanged", board =>
        {
            lock (pushes)
                pushes.Add((clock.Elapsed, board.GetProperty("version").GetInt64(), board.GetProperty("follows").GetInt64()));
        });
        await viewer.StartAsync();
        var held = (await viewer.InvokeAsync<JsonElement>("FollowOccupation", GatewayClient.Edition, GatewayClient.Occupation)).GetProperty("version").GetInt64();
        var judges = new List<HubConnection>();
        foreach (var id in new[] { "J014", "J015", "J016", "J017", "J018" })
        {
            var judge = Connect(port, "/hubs/judging", await client.JudgeToken(id));
            await judge.StartAsync();
            judges.Add(judge);
        }

        var marks = (from c in new[] { "C007", "C008", "C009" } from k in new[] { "P3", "P4" } from j in Enumerable.Range(0, judges.Count) select (j, c, k)).ToList();
        var start = clock.Elapsed;
        long last = 0;
        var acks = new List<TimeSpan>();
        // Marks go out on the clock, not after the previous acknowledgement, so a slow disk delays only its own mark.
        var submitted = new List<Task<(TimeSpan Ack, TimeSpan AckedAt, JsonElement Outcome)>>();
        for (var n = 0; n < seconds * 2; n++)
        {
            var (j, contestant, criterion) = marks[n % marks.Count];
            submitted.Add(Submit(judges[j], clock, new
            {
                occupation = GatewayClient.Occupation, idempotencyKey = $"slow-{n}", contestantId = contestant, criterionId = criterion, value = 5m + n % 5,
            }));
            var next = start + TimeSpan.FromMilliseconds(500 * (n + 1));
            if (next > clock.Elapsed)
                await Task.Delay(next - clock.Elapsed);
        }
        var acknowledged = new List<(long Version, TimeSpan At)>();
        foreach (var (ack, ackedAt, outcome) in await Task.WhenAll(submitted))
        {
            Assert.True(outcome.GetProperty("accepted").GetBoolean(), outcome.ToString());
            last = Math.Max(last, outcome.GetProperty("version").GetInt64());
            acks.Add(ack);
            acknowledged.Add((outcome.GetProperty("version").GetInt64(), ackedAt));
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!pushes.ToArray().Any(p => p.Version >= last) && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        (TimeSpan At, long Version, long Follows)[] seen;
        lock (pushes)
            seen = [.. pushes];
        Assert.Contains(seen, p => p.Version >= last);
        // Every push follows the version the viewer held; one that did not would need a snapshot.
        var snapshots = 0;
        foreach (var push in seen)
        {
            if (push.Version <= held)
                continue;
            if (push.Follows != held)
            {
                snapshots++;
                held = (await viewer.InvokeAsync<JsonElement>("GetSnapshot", GatewayClient.Edition, GatewayClient.Occupation)).GetProperty("version").GetInt64();
            }
            held = Math.Max(held, push.Version);
        }
        var times = seen.Where(p => p.At >= start).Select(p => p.At).Prepend(start).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        var longestGap = gaps.Max();
        output.WriteLine($"gaps (ms): {string.Join(" ", gaps.Select(g => g.TotalMilliseconds.ToString("F0")))}; acks (ms): {string.Join(" ", acks.Select(a => a.TotalMilliseconds.ToString("F0")))}");
        var registry = _factory.Services.GetRequiredService<ConnectionRegistry>();
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{seconds} s, {seconds * 2} marks, {seen.Length} pushes to the reading viewer, longest gap {longestGap.TotalMilliseconds:F0} ms, " +
            $"snapshot requests per push {(double)snapshots / seen.Length:F3}, open connections {registry.Count}, " +
            $"of which {registry.Where(c => c.Mailbox.Writing).Count()} hold a write the client has not read; " +
            $"test process (gateway, silo and clients) working set {process.WorkingSet64 / 1048576} MiB, managed heap {GC.GetTotalMemory(false) / 1048576} MiB");

        // Mark to screen: the board of every acknowledged mark reaches the reading viewer within 1 s. (The gap
        // between pushes also holds the store's acknowledgement time, which on a shared machine is not ours to bound.)
        var toScreen = acknowledged.Select(a => seen.First(p => p.Version >= a.Version).At - a.At).ToList();
        output.WriteLine($"mark to screen: longest {toScreen.Max().TotalMilliseconds:F0} ms; longest gap between pushes not spent waiting for an acknowledgement: {LongestUnexplainedGap(seen, acknowledged).TotalMilliseconds:F0} ms");

        // The test means something only if the non-readers really hold the server up: each has a write it never took.
        Assert.Equal(NonReaders, registry.Where(c => c.Mailbox.Writing).Count());
        Assert.Equal(0, snapshots);
        Assert.All(toScreen, delay => Assert.True(delay <= TimeSpan.FromSeconds(1), $"A board reached the reading viewer {delay.TotalMilliseconds:F0} ms after its mark was acknowledged."));
        Assert.True(LongestUnexplainedGap(seen, acknowledged) <= TimeSpan.FromSeconds(1), "The reading viewer waited more than 1 s for a board that was ready.");
        foreach (var judge in judges)
            await judge.DisposeAsync();
        await viewer.DisposeAsync();
    }

    [Fact]
    public async Task AnAddressMayHoldOnlyTheConfiguredNumberOfLiveConnections()
    {
        await using var limited = new GatewayFactory(GatewayFactory.NewDatabasePath(), b => b.UseSetting("Craftsman:Live:ConnectionsPerAddress", "3"));
        var client = new GatewayClient(limited);
        var open = new List<HubConnection>();
        for (var i = 0; i < 3; i++)
        {
            var connection = client.Hub("/hubs/live");
            await connection.StartAsync();
            open.Add(connection);
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.Hub("/hubs/live").StartAsync());

        Assert.Contains("429", refused.Message);
        await open[0].DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var admitted = client.Hub("/hubs/live");
        while (true)
        {
            try
            {
                await admitted.StartAsync();
                break;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
        Assert.Equal(HubConnectionState.Connected, admitted.State);
        foreach (var connection in open.Skip(1).Append(admitted))
            await connection.DisposeAsync();
    }

    /// <summary>
    /// The longest wait between two pushes counted from the later of the earlier push and the
    /// acknowledgement of the mark the next push carries: time a ready board spent not reaching the viewer.
    /// </summary>
    private static TimeSpan LongestUnexplainedGap((TimeSpan At, long Version, long Follows)[] pushes, List<(long Version, TimeSpan At)> acknowledged)
    {
        var longest = TimeSpan.Zero;
        for (var i = 1; i < pushes.Length; i++)
        {
            var ready = acknowledged.Where(a => a.Version <= pushes[i].Version && a.Version > pushes[i - 1].Version).Select(a => a.At).DefaultIfEmpty(pushes[i - 1].At).Min();
            var waited = pushes[i].At - (ready > pushes[i - 1].At ? ready : pushes[i - 1].At);
            if (waited > longest)
                longest = waited;
        }
        return longest;
    }

    private static async Task<(TimeSpan Ack, TimeSpan AckedAt, JsonElement Outcome)> Submit(HubConnection judge, Stopwatch clock, object mark)
    {
        var sent = clock.Elapsed;
        var outcome = await judge.InvokeAsync<JsonElement>("SubmitMark", mark);
        var acked = clock.Elapsed;
        return (acked - sent, acked, outcome);
    }

    private static HubConnection Connect(int port, string path, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl($"http://127.0.0.1:{port}{path}", o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                if (token is not null)
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    /// <summary>
    /// A raw WebSocket with a tiny receive buffer: it completes the SignalR handshake, follows the
    /// occupation, asks for many snapshots whose answers it never reads (so the server's buffers for
    /// it are full before marking starts) and then reads nothing more.
    /// </summary>
    private async Task OpenNonReader(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /hubs/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            head.Append((char)one[0]);
        Assert.StartsWith("HTTP/1.1 101", head.ToString());
        var ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        _sockets.Add(ws);
        _sockets.Add(stream);
        await Send(ws, """{"protocol":"json","version":1}""");
        await ReadUntil(ws, "{}");
        await Send(ws, $$"""{"type":1,"invocationId":"follow","target":"FollowOccupation","arguments":["{{GatewayClient.Edition}}","{{GatewayClient.Occupation}}"]}""");
        await ReadUntil(ws, "\"invocationId\":\"follow\"");
        for (var i = 0; i < AnswersLeftUnread; i++)
            await Send(ws, $$"""{"type":1,"invocationId":"s{{i}}","target":"GetSnapshot","arguments":["{{GatewayClient.Edition}}","{{GatewayClient.Occupation}}"]}""");
    }

    private static Task Send(WebSocket ws, string message) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(message + "\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task ReadUntil(WebSocket ws, string marker)
    {
        var buffer = new byte[16384];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var result = await ws.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}
