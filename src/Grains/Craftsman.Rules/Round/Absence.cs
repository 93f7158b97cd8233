using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Round;

/// <summary>Why a contestant does not compete, as the ledger records it.</summary>
public sealed record Absence(AbsenceKind Kind, string Reason, DateTimeOffset At);
