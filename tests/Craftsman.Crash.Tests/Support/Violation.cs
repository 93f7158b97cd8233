namespace Craftsman.Crash.Tests.Support;

/// <summary>One broken invariant: which (a stable category, so the summary can count them) and a sentence naming the round, the mark and the view.</summary>
public sealed record Violation(string Category, string Text)
{
    public const string Acknowledged = "ACKNOWLEDGED-MARK";
    public const string WithoutEntry = "VIEW-WITHOUT-LEDGER-ENTRY";
    public const string NotReplay = "VIEW-DIFFERS-FROM-REPLAY";
    public const string Verifier = "VERIFIER";
    public const string Marking = "MARKING";
    public const string ResendLive = "RESEND-IN-LIVE";
    public const string ResendReview = "RESEND-IN-REVIEW";
    public const string SignOff = "SIGN-OFF";

    /// <summary>The order the failure message lists them in: lost or doubled marks first, their consequences last.</summary>
    public static readonly string[] Order = [Acknowledged, ResendLive, ResendReview, Verifier, WithoutEntry, NotReplay, SignOff, Marking];

    public override string ToString() => $"{Category} {Text}";
}

/// <summary>A violation and the moment of the run it was seen at ("after restart 2", "after resending in Review 2").</summary>
public sealed record Finding(string Checkpoint, Violation Violation);
