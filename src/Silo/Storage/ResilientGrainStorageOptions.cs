using System.ComponentModel.DataAnnotations;

namespace Craftsman.Silo.Storage;

/// <summary>The "Craftsman:Storage" section: how long cluster mode waits on PostgreSQL and how it backs off.</summary>
public sealed class ResilientGrainStorageOptions
{
    public const string Section = "Craftsman:Storage";

    /// <summary>Longest wait for one read or write before the grain gets a retryable error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads change nothing, so they are retried this many times with back-off and jitter.</summary>
    [Range(0, 20)]
    public int ReadRetries { get; set; } = 3;

    /// <summary>How long calls fail at once after most of them failed (the database is down).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);
}
