using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// Counts failed sign-ins per credential and client address in a sliding window. A credential that
/// failed <see cref="AuthOptions.SignInFailuresAllowed"/> times from an address is refused there
/// until the window moves on; any other credential from that address is still checked, so one
/// mistyping judge behind a venue's NAT never locks out the others or the right code. Attempts in
/// flight count against the limit, so parallel attempts respect it exactly. Past the allowance an
/// address is slowed down (<see cref="SlowDown"/>), never locked out.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>How many credential+address entries are remembered; beyond it the stalest are forgotten.</summary>
    public const int MaxEntries = 10_000;

    private readonly Dictionary<string, Entry> _entries = [];
    private readonly object _gate = new();

    private AuthOptions O => options.Value;

    private TimeSpan Window => TimeSpan.FromSeconds(O.FailureWindowSeconds);

    /// <summary>Reserves a check of this credential from this address, or null when it has used up its failures.</summary>
    public Attempt? TryBegin(string address, string kind, string credential)
    {
        var key = $"{kind}|{address}|{Fingerprint(credential)}";
        lock (_gate)
        {
            var entry = Touch(key);
            if (entry.Failures.Count + entry.InFlight >= O.SignInFailuresAllowed)
                return null;
            entry.InFlight++;
            Touch(AddressKey(address)).InFlight++;
            return new Attempt(this, key, address);
        }
    }

    /// <summary>How long to hold an attempt from this address: nothing within the allowance, then one step more per failure, up to the ceiling.</summary>
    public TimeSpan SlowDown(string address)
    {
        lock (_gate)
        {
            var failures = _entries.TryGetValue(AddressKey(address), out var entry) ? Expire(entry).Failures.Count : 0;
            var over = failures - O.SignInFailuresAllowed;
            if (over <= 0)
                return TimeSpan.Zero;
            var delay = TimeSpan.FromMilliseconds(O.SlowDownStepMilliseconds * (double)over);
            var ceiling = TimeSpan.FromMilliseconds(O.MaxSlowDownMilliseconds);
            return delay < ceiling ? delay : ceiling;
        }
    }

    private void End(string key, string address, bool failed)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var k in new[] { key, AddressKey(address) })
            {
                var entry = Touch(k);
                entry.InFlight--;
                if (failed)
                    entry.Failures.Enqueue(now);
            }
        }
    }

    private Entry Touch(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (_entries.Count >= MaxEntries)
                Prune();
            _entries[key] = entry = new Entry();
        }
        return Expire(entry);
    }

    private Entry Expire(Entry entry)
    {
        var since = clock.GetUtcNow() - Window;
        while (entry.Failures.TryPeek(out var at) && at <= since)
            entry.Failures.Dequeue();
        return entry;
    }

    private void Prune()
    {
        foreach (var (key, entry) in _entries.ToList())
            if (Expire(entry).Failures.Count == 0 && entry.InFlight == 0)
                _entries.Remove(key);
        // Still full (a flood of distinct guesses): forget the stalest half rather than grow without bound.
        if (_entries.Count >= MaxEntries)
            foreach (var (key, _) in _entries.Where(e => e.Value.InFlight == 0)
                .OrderBy(e => e.Value.Failures.TryPeek(out var at) ? at : DateTimeOffset.MinValue).Take(MaxEntries / 2).ToList())
                _entries.Remove(key);
    }

    private static string AddressKey(string address) => $"address|{address}";

    /// <summary>Credentials are not kept, only a fingerprint to count them by.</summary>
    private static string Fingerprint(string credential) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential)), 0, 12);

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public int InFlight { get; set; }
    }

    /// <summary>One reserved check: end it with <see cref="Failed"/> or <see cref="Succeeded"/>.</summary>
    public sealed class Attempt(SignInThrottle throttle, string key, string address)
    {
        private int _ended;

        public void Failed() { if (Interlocked.Exchange(ref _ended, 1) == 0) throttle.End(key, address, failed: true); }

        public void Succeeded() { if (Interlocked.Exchange(ref _ended, 1) == 0) throttle.End(key, address, failed: false); }
    }
}
