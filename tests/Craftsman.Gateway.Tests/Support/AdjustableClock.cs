namespace Craftsman.Gateway.Tests.Support;

/// <summary>The competition's clock for a test: real time plus an offset the test moves forward.</summary>
public sealed class AdjustableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
