using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Scoring;

/// <summary>
/// The legal moves of a round (DESIGN.md §3): one step forward at a time, never back. Leaving
/// Review needs every flag resolved; Final needs the objection window to have closed.
/// </summary>
public static class RoundLifecycle
{
    public static string? CheckTransition(RoundPhase from, RoundPhase to, int openFlags, DateTimeOffset? objectionWindowClosesAt, DateTimeOffset now)
    {
        if (!Enum.IsDefined(to) || to != from + 1)
            return $"A round moves one step at a time: {from} can only move to {Next(from)}, not {to}.";
        if (from == RoundPhase.Review && openFlags > 0)
            return $"The round cannot leave Review while {openFlags} flagged criteria are open.";
        if (to == RoundPhase.Final && (objectionWindowClosesAt is null || now < objectionWindowClosesAt))
            return $"The round can become Final only after the objection window closes{(objectionWindowClosesAt is { } at ? $" at {at:u}" : "")}.";
        return null;
    }

    private static string Next(RoundPhase phase) =>
        phase == RoundPhase.Final ? "nothing (Final is the last phase)" : (phase + 1).ToString();
}
