using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Load;

/// <summary>
/// One viewer connection in a worker and what it saw: every board's version with its receipt time
/// (product run, matched against the judges' acknowledgements afterwards), or the latency carried
/// in each bare payload (bare run, recorded as it arrives).
/// </summary>
public sealed class Viewer(int index, string occupation, ReceiptBudget budget, LatencyHistogram bareLatency)
{
    private readonly Lock _gate = new();
    private long[] _versions = new long[16];
    private long[] _times = new long[16];
    private int _receipts;
    private long _maxVersion = -1;

    public int Index { get; } = index;
    public string Occupation { get; } = occupation;
    public HubConnection? Connection { get; set; }
    public bool Connected { get; set; }
    public bool Dropped { get; set; }
    public long SnapshotVersion { get; private set; } = -1;
    public long Boards { get; private set; }
    public long Foreign { get; private set; }

    /// <summary>
    /// Pushes after which a page would fetch a snapshot: board.js does when a push follows a version
    /// newer than the one it shows (one was missed). Counted, not fetched, so the load stays the same.
    /// </summary>
    public long SnapshotsNeeded { get; private set; }

    private long _shown = -1;
    public long BareMeasured { get; private set; }

    public long MaxVersion
    {
        get { lock (_gate) return _maxVersion; }
    }

    public void Followed(long version)
    {
        lock (_gate)
        {
            SnapshotVersion = version;
            _shown = Math.Max(_shown, version);
            _maxVersion = Math.Max(_maxVersion, version);
        }
    }

    /// <summary>A product board: keep (version, time) for the later match with the marks.</summary>
    public void OnProductBoard(BoardHead head)
    {
        var now = UnixClock.NowUs;
        lock (_gate)
        {
            if (!string.Equals(head.OccupationCode, Occupation, StringComparison.Ordinal))
            {
                Foreign++;
                return;
            }
            Boards++;
            if (_shown >= 0 && head.Follows is { } follows && follows > _shown)
                SnapshotsNeeded++;
            _shown = Math.Max(_shown, head.Version);
            _maxVersion = Math.Max(_maxVersion, head.Version);
            if (!budget.TryTake())
                return;
            if (_receipts == _versions.Length)
            {
                Array.Resize(ref _versions, _receipts * 2);
                Array.Resize(ref _times, _receipts * 2);
            }
            _versions[_receipts] = head.Version;
            _times[_receipts] = now;
            _receipts++;
        }
    }

    /// <summary>A bare payload: it carries its own send time and sequence number.</summary>
    public void OnBareBoard(BoardHead head)
    {
        var now = UnixClock.NowUs;
        lock (_gate)
        {
            Boards++;
            _maxVersion = Math.Max(_maxVersion, head.Version);
            if (head is { SentAtUs: { } sent, Warmup: not true })
            {
                BareMeasured++;
                bareLatency.Record(now - sent);
            }
        }
    }

    /// <summary>
    /// Mark-to-screen for every acknowledged mark of this viewer's occupation: the first board whose
    /// version is at least the mark's (a coalesced board that includes it counts) minus the judge's send time.
    /// </summary>
    /// <param name="versions">The marks' versions, ascending.</param>
    /// <param name="sentUs">The marks' send times, in the same order.</param>
    public (long Expected, long Matched, long Negative) Match(long[] versions, long[] sentUs, LatencyHistogram into)
    {
        lock (_gate)
        {
            long expected = 0, matched = 0, negative = 0;
            var i = 0;
            var maxBefore = long.MinValue;
            for (var m = 0; m < versions.Length; m++)
            {
                var version = versions[m];
                if (version <= SnapshotVersion)
                    continue; // already on screen when this viewer joined
                expected++;
                while (i < _receipts && Math.Max(maxBefore, _versions[i]) < version)
                {
                    maxBefore = Math.Max(maxBefore, _versions[i]);
                    i++;
                }
                if (i == _receipts)
                    continue; // never reached this viewer
                var latency = _times[i] - sentUs[m];
                if (latency < 0)
                    negative++;
                into.Record(latency);
                matched++;
            }
            return (expected, matched, negative);
        }
    }
}
