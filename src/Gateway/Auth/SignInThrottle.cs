using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// Counts failed sign-ins per client address in a sliding window; once a client has used up its
/// failures it is refused until the window moves on, whether its next attempt is right or not.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetSlidingWindowLimiter(client, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = o.SignInFailuresAllowed,
                Window = TimeSpan.FromSeconds(o.FailureWindowSeconds),
                SegmentsPerWindow = 10,
                QueueLimit = 0,
            }));
    }

    public bool IsBlocked(string client)
    {
        using var lease = _failures.AttemptAcquire(client, 0);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string client) => _failures.AttemptAcquire(client, 1).Dispose();

    public void Dispose() => _failures.Dispose();
}
