namespace Craftsman.Failover.Marking;

public enum AttemptKind
{
    Acknowledged,
    Rejected,
    Failed,
}

/// <summary>What kind of failure: the drills' verdicts depend on it.</summary>
public enum FailureClass
{
    /// <summary>A clear, retryable refusal: 503 ClusterUnavailable with retryable=true, or the hub's "ClusterUnavailable (retryable)".</summary>
    Retryable,

    /// <summary>A 5xx other than that, or a hub error that does not say it is retryable.</summary>
    ServerError,

    /// <summary>No answer within the client's call timeout.</summary>
    NoAnswer,

    /// <summary>The gateway could not be reached or the connection dropped.</summary>
    Connection,
}

/// <summary>The result of one send of a mark.</summary>
public sealed record Attempt(AttemptKind Kind, string Detail, FailureClass? Failure = null, long Version = 0)
{
    public static Attempt Acknowledged(long version) => new(AttemptKind.Acknowledged, "acknowledged", null, version);

    public static Attempt Rejected(string code) => new(AttemptKind.Rejected, code);

    public static Attempt Failed(FailureClass failure, string detail) => new(AttemptKind.Failed, detail, failure);
}
