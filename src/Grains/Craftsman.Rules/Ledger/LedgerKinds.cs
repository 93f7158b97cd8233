namespace Craftsman.Rules.Ledger;

/// <summary>The kinds of ledger entry; the verifier replays them.</summary>
public static class LedgerKinds
{
    public const string ContestSetUp = "contest-set-up";
    public const string Mark = "mark";
    public const string PhaseChanged = "phase-changed";
    public const string BlindSet = "blind-set";
    public const string CheckedIn = "checked-in";
    public const string ContestantAbsent = "contestant-absent";
    public const string NumbersDrawn = "numbers-drawn";
    public const string RevealApproved = "reveal-approved";
    public const string CriterionReopened = "criterion-reopened";
    public const string CriterionConfirmed = "criterion-confirmed";
    public const string SignedOff = "signed-off";
    public const string BoardFrozen = "board-frozen";
    public const string BoardRevealed = "board-revealed";
    public const string Published = "published";
    public const string AppealFiled = "appeal-filed";
    public const string AppealRuled = "appeal-ruled";
    public const string Republished = "republished";
    public const string Final = "final";

    /// <summary>Written by builds before the ledger was the only record, when they repaired their own state; not a fact.</summary>
    public const string Reconciled = "reconciled";
}
