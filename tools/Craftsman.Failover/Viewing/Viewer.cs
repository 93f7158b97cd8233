using System.Text.Json;
using Craftsman.Failover.Api;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Failover.Viewing;

/// <summary>
/// A big screen following one occupation on /hubs/live, with the client behaviour the design asks
/// for: FollowOccupation answers a snapshot; pushes (LeaderboardChanged) carry the occupation's
/// version; a push that skips versions makes it ask for a snapshot; when the connection closes it
/// connects to the next gateway and follows again (bounded). It shows the newest board it holds, so
/// the version on screen never goes back; what arrived out of order is counted.
/// </summary>
public sealed class Viewer(int id, string edition, string occupation, IReadOnlyList<Uri> gateways, int firstGateway) : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectBudget = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private HubConnection? _connection;
    private int _gateway = firstGateway;
    private int _connectionNumber;
    private long _lastPushOnConnection = -1;
    private bool _snapshotInFlight;
    private volatile bool _stopping;

    public int Id => id;
    public string Occupation => occupation;
    public Uri Gateway => gateways[_gateway];
    public int FirstGateway { get; } = firstGateway;

    /// <summary>The version on screen.</summary>
    public long Shown { get; private set; } = -1;

    /// <summary>Every push and snapshot looked at.</summary>
    public int VersionsChecked { get; private set; }

    /// <summary>A push older than an earlier push on the same connection: the server sent versions backwards.</summary>
    public List<string> OrderViolations { get; } = [];

    /// <summary>A push or snapshot older than what was on screen (after a snapshot overtook it), not shown.</summary>
    public int StaleIgnored { get; private set; }

    /// <summary>Pushes that skipped versions, each followed by a snapshot.</summary>
    public int GapsResynced { get; private set; }

    /// <summary>After a reconnect, a snapshot older than what was on screen before: a gap not covered.</summary>
    public List<string> UncoveredGaps { get; } = [];

    public List<Reconnect> Reconnects { get; } = [];

    public string? Failure { get; private set; }

    public bool Connected => _connection?.State == HubConnectionState.Connected;

    public async Task StartAsync(CancellationToken cancel)
    {
        if (!await ConnectAsync(cancel))
            throw new InvalidOperationException($"viewer {id} could not follow {occupation} at {Gateway}: {Failure}");
    }

    private async Task<bool> ConnectAsync(CancellationToken cancel)
    {
        var connection = Hubs.Build(Gateway, Hubs.Live);
        var number = Interlocked.Increment(ref _connectionNumber);
        connection.On<JsonElement>("LeaderboardChanged", board => OnPush(number, board));
        connection.Closed += e => OnClosed(number, e);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(TimeSpan.FromSeconds(15));
            lock (_gate)
                _lastPushOnConnection = -1;
            await connection.StartAsync(limit.Token);
            _connection = connection;
            var snapshot = await connection.InvokeAsync<JsonElement>("FollowOccupation", edition, occupation, limit.Token);
            Apply(snapshot.Long("version"), snapshot: true);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            Failure = e.Message;
            _connection = null;
            // This connection is given up here; its Closed event must not start a second reconnect.
            Interlocked.Increment(ref _connectionNumber);
            await connection.DisposeAsync();
            return false;
        }
    }

    private void OnPush(int connection, JsonElement board)
    {
        var version = board.Long("version");
        var askSnapshot = false;
        lock (_gate)
        {
            if (connection != _connectionNumber)
                return;
            VersionsChecked++;
            if (version < _lastPushOnConnection)
                OrderViolations.Add($"connection {connection}: version {version} after {_lastPushOnConnection}");
            _lastPushOnConnection = Math.Max(_lastPushOnConnection, version);
            if (version > Shown + 1 && Shown >= 0 && !_snapshotInFlight)
            {
                GapsResynced++;
                _snapshotInFlight = askSnapshot = true;
            }
            Show(version);
        }
        if (askSnapshot)
            _ = Task.Run(ResyncAsync);
    }

    private async Task ResyncAsync()
    {
        try
        {
            if (_connection is { } connection)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                var snapshot = await connection.InvokeAsync<JsonElement>("GetSnapshot", edition, occupation, limit.Token);
                Apply(snapshot.Long("version"), snapshot: true);
            }
        }
        catch (Exception)
        {
            // the connection is going; the reconnect takes a snapshot anyway
        }
        finally
        {
            lock (_gate)
                _snapshotInFlight = false;
        }
    }

    private void Apply(long version, bool snapshot)
    {
        lock (_gate)
        {
            VersionsChecked++;
            if (snapshot && Reconnects.Count > 0 && Reconnects[^1].SnapshotVersion is null)
            {
                var pending = Reconnects[^1];
                if (version < pending.ShownBefore)
                    UncoveredGaps.Add($"reconnect snapshot {version} older than the {pending.ShownBefore} shown before the connection closed");
                Reconnects[^1] = pending with { SnapshotVersion = version, FollowedAt = RunClock.Now };
            }
            Show(version);
        }
    }

    private void Show(long version)
    {
        if (version < Shown)
            StaleIgnored++;
        else
            Shown = version;
    }

    private Task OnClosed(int connection, Exception? error)
    {
        if (_stopping || connection != _connectionNumber)
            return Task.CompletedTask;
        lock (_gate)
            Reconnects.Add(new Reconnect(RunClock.Now, Gateway, Shown, error?.Message));
        _ = Task.Run(ReconnectAsync);
        return Task.CompletedTask;
    }

    private async Task ReconnectAsync()
    {
        var old = _connection;
        _connection = null;
        if (old is not null)
            await old.DisposeAsync();
        var deadline = RunClock.Now + ReconnectBudget;
        for (var attempt = 1; attempt <= 120 && RunClock.Now < deadline && !_stopping; attempt++)
        {
            _gateway = (_gateway + 1) % gateways.Count;
            if (await ConnectAsync(CancellationToken.None))
            {
                lock (_gate)
                    Reconnects[^1] = Reconnects[^1] with { To = Gateway, Attempts = attempt };
                return;
            }
            await Task.Delay(250);
        }
        lock (_gate)
            Reconnects[^1] = Reconnects[^1] with { GaveUp = true };
    }

    /// <summary>Asks the current connection for a snapshot (used when the final version is late).</summary>
    public async Task RefreshAsync()
    {
        if (_connection is { State: HubConnectionState.Connected } connection)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var snapshot = await connection.InvokeAsync<JsonElement>("GetSnapshot", edition, occupation, limit.Token);
            Apply(snapshot.Long("version"), snapshot: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await connection.StopAsync(limit.Token);
            }
            catch (Exception)
            {
                // closing a dead connection may fail; disposing is enough
            }
            await connection.DisposeAsync();
        }
    }
}

/// <summary>One loss of the connection and how the viewer came back.</summary>
public sealed record Reconnect(TimeSpan ClosedAt, Uri From, long ShownBefore, string? Error)
{
    public Uri? To { get; init; }
    public int Attempts { get; init; }
    public long? SnapshotVersion { get; init; }
    public TimeSpan? FollowedAt { get; init; }
    public bool GaveUp { get; init; }
}
