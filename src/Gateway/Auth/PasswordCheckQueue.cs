using Microsoft.Extensions.Options;

namespace Craftsman.Gateway.Auth;

/// <summary>
/// Password hashing (PBKDF2, tens of milliseconds of CPU each) runs here, a few at a time with a
/// short bounded queue, so a flood of organiser sign-ins from rotating addresses holds at most
/// <see cref="AuthOptions.ConcurrentPasswordChecks"/> cores and is refused beyond the queue, while
/// marking keeps the rest of the machine.
/// </summary>
public sealed class PasswordCheckQueue(IOptions<AuthOptions> options)
{
    private readonly SemaphoreSlim _running = new(Math.Max(1, options.Value.ConcurrentPasswordChecks));
    private int _queued;

    /// <summary>The check's answer, or null when the queue is full (the caller answers "busy, retry").</summary>
    public async Task<bool?> Check(Func<bool> check, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _queued) > options.Value.PasswordCheckQueueLimit + options.Value.ConcurrentPasswordChecks)
        {
            Interlocked.Decrement(ref _queued);
            return null;
        }
        try
        {
            await _running.WaitAsync(cancellationToken);
            try
            {
                return check();
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }
}
