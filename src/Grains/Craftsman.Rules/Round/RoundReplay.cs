using System.Collections.Immutable;
using System.Text.Json;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Scoring;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Round;

/// <summary>
/// What each ledger entry does to a round. The contest applies an entry the moment it is durable,
/// and rebuilds the whole round from its ledger on activation, with this one function: a round is
/// by construction the replay of its ledger.
/// </summary>
public static class RoundReplay
{
    /// <summary>Rebuilds a round from its whole ledger, refusing a broken chain.</summary>
    public static RoundState Build(string key, IReadOnlyList<LedgerEntry> ledger, ImmutableDictionary<string, DrawEnvelope> envelopes)
    {
        if (LedgerChain.Verify(ledger) is { } broken)
            throw new InvalidDataException($"The ledger of {key} does not verify: {broken.Reason}.");
        var round = RoundState.Empty(key) with { Envelopes = envelopes };
        foreach (var entry in ledger)
            round = Apply(round, entry);
        return round;
    }

    public static RoundState Apply(RoundState s, LedgerEntry e)
    {
        if (e.Sequence != s.LedgerEnd.Sequence + 1 || e.PreviousHash != s.LedgerEnd.Hash)
            throw new InvalidDataException($"Ledger entry {e.Sequence} does not follow entry {s.LedgerEnd.Sequence} of {s.Key}.");
        var next = e.Kind switch
        {
            LedgerKinds.ContestSetUp => SetUp(s, Read<ContestDefinition>(e)),
            LedgerKinds.Mark => Mark(s, e, Read<LedgerMark>(e)),
            LedgerKinds.PhaseChanged => s with { Phase = Read<PhaseChanged>(e).To },
            LedgerKinds.BlindSet => Read<BlindSet>(e) is var b && b.Blind ? s with { Blind = true } : s with { Blind = false, DrawNumbers = s.DrawNumbers.Clear() },
            LedgerKinds.CheckedIn => s with { CheckedIn = s.CheckedIn.Add(Read<CheckedIn>(e).Contestant) },
            LedgerKinds.ContestantAbsent => Read<ContestantAbsent>(e) is var a
                ? s with { Absences = s.Absences.SetItem(a.Contestant, new Absence(a.Kind, a.Reason, e.At)), CheckedIn = s.CheckedIn.Remove(a.Contestant) }
                : s,
            LedgerKinds.NumbersDrawn => Drawn(s, Read<NumbersDrawn>(e)),
            LedgerKinds.RevealApproved => s with { RevealApprovals = s.RevealApprovals.Add(Read<RevealApproved>(e).Role) },
            LedgerKinds.CriterionReopened => Read<CriterionReopened>(e) is var r
                ? s with
                {
                    Reopened = s.Reopened.SetItem(RoundState.CriterionKey(r.Contestant, r.Criterion), r.Judges),
                    Confirmed = s.Confirmed.Remove(RoundState.CriterionKey(r.Contestant, r.Criterion)),
                }
                : s,
            LedgerKinds.CriterionConfirmed => Read<CriterionConfirmed>(e) is var c
                ? s with
                {
                    Confirmed = s.Confirmed.SetItem(RoundState.CriterionKey(c.Contestant, c.Criterion), c.Reason),
                    Reopened = s.Reopened.Remove(RoundState.CriterionKey(c.Contestant, c.Criterion)),
                }
                : s,
            LedgerKinds.SignedOff => s with { Phase = RoundPhase.SignedOff, SignedOffBy = Read<SignedOff>(e).Chief, SignedOffAt = e.At, Reopened = s.Reopened.Clear() },
            // The public saw this board at the moment of freezing; it is derived from the round as it stood.
            LedgerKinds.BoardFrozen => s with { FrozenBoard = RoundBoards.Public(s with { FrozenBoard = null, RevealedFromBottom = null }), RevealedFromBottom = null },
            LedgerKinds.BoardRevealed => Read<BoardRevealed>(e) is var v && v.Revealed >= v.Of
                ? s with { FrozenBoard = null, RevealedFromBottom = null }
                : s with { RevealedFromBottom = v.Revealed },
            LedgerKinds.Published => s with { Phase = RoundPhase.Published, PublishedAt = e.At, FrozenBoard = null, RevealedFromBottom = null },
            LedgerKinds.AppealFiled => s with { Appeals = s.Appeals.Add(Read<Appeal>(e)) },
            LedgerKinds.AppealRuled => Ruled(s, Read<Appeal>(e)),
            LedgerKinds.Republished => Read<Republished>(e) is var p
                ? s with
                {
                    AppealReopened = s.AppealReopened.Remove(RoundState.CriterionKey(p.Contestant, p.Criterion)),
                    Reopened = s.Reopened.Remove(RoundState.CriterionKey(p.Contestant, p.Criterion)),
                    Confirmed = s.Confirmed.SetItem(RoundState.CriterionKey(p.Contestant, p.Criterion), p.Reason),
                }
                : s,
            LedgerKinds.Final => s with { Phase = RoundPhase.Final, TitleHolderId = Read<Finalised>(e).TitleHolder },
            // Earlier builds wrote this when they repaired their own state; it records no fact.
            LedgerKinds.Reconciled => s,
            _ => throw new InvalidDataException($"Ledger entry {e.Sequence} of {s.Key} is of an unknown kind '{e.Kind}'."),
        };
        return next with { LedgerEnd = new LedgerPosition(e.Sequence, e.Hash), UpdatedAt = e.At };
    }

    private static RoundState SetUp(RoundState s, ContestDefinition d)
    {
        var sheets = d.Contestants.ToImmutableDictionary(c => c.Id, c => ScoresheetCalculator.Calculate(c.Id, d.Scheme, [], []));
        return s with
        {
            Definition = d,
            Sheets = sheets,
            Scores = sheets.ToImmutableDictionary(p => p.Key, p => ContestantScore.From(p.Value)),
            CheckedIn = [.. s.CheckedIn.Where(id => d.Contestants.Any(c => c.Id == id))],
        };
    }

    private static RoundState Mark(RoundState s, LedgerEntry e, LedgerMark m)
    {
        var definition = s.Definition ?? throw new InvalidDataException($"Ledger entry {e.Sequence} of {s.Key} marks a round that was never set up.");
        var contestant = Visibility.RealId(s, m.Contestant);
        var sheet = s.Sheets.GetValueOrDefault(contestant)
            ?? throw new InvalidDataException($"Ledger entry {e.Sequence} of {s.Key} marks '{m.Contestant}', who is not in the round.");
        var marks = sheet.Marks;
        var corrections = sheet.Corrections;
        var previous = marks.FirstOrDefault(x => x.JudgeId == m.Judge && x.CriterionId == m.Criterion);
        if (previous is null)
        {
            // The entry's sequence orders marks: who entered a measurement first is who came first in the ledger.
            marks = marks.Add(new Mark(m.Judge, m.Criterion, m.Value, e.Sequence, e.At, m.Key));
        }
        else
        {
            marks = marks.Replace(previous, previous with { Value = m.Value, EnteredAt = e.At, IdempotencyKey = m.Key });
            corrections = corrections.Add(new MarkCorrection(m.Judge, m.Criterion, previous.Value, m.Value, e.At, m.Key));
        }
        var next = ScoresheetCalculator.Calculate(contestant, definition.Scheme, marks, corrections);
        var reopened = s.Phase is RoundPhase.Review or RoundPhase.Published
            ? RoundWorkflow.Remarked(s.Reopened, contestant, m.Criterion, m.Judge)
            : s.Reopened;
        var sent = new MarkSubmission(m.Key, m.Judge, m.Contestant, m.Criterion, m.Value);
        return s with
        {
            Sheets = s.Sheets.SetItem(contestant, next),
            Scores = s.Scores.SetItem(contestant, ContestantScore.From(next)),
            Reopened = reopened,
            Keys = s.Keys.SetItem(m.Key, new KnownMark(sent, contestant, MarkOutcome.Accept(m.Key, e.Sequence, previous is not null))),
        };
    }

    private static RoundState Drawn(RoundState s, NumbersDrawn drawn) =>
        s.Envelopes.TryGetValue(drawn.Commitment, out var envelope)
            ? s with { DrawNumbers = envelope.Numbers }
            : throw new InvalidDataException($"The sealed envelope of the draw committed as {drawn.Commitment} in {s.Key} is missing.");

    private static RoundState Ruled(RoundState s, Appeal ruled)
    {
        var filed = s.Appeals.FirstOrDefault(a => a.Number == ruled.Number)
            ?? throw new InvalidDataException($"A ruling in {s.Key} names appeal {ruled.Number}, which was never filed.");
        var next = s with { Appeals = s.Appeals.Replace(filed, ruled) };
        return ruled.Status == AppealStatus.Upheld
            ? next with { AppealReopened = next.AppealReopened.Add(RoundState.CriterionKey(ruled.ContestantId, ruled.CriterionId)) }
            : next;
    }

    private static T Read<T>(LedgerEntry e) =>
        JsonSerializer.Deserialize<T>(e.Data, LedgerChain.DataJson)
        ?? throw new InvalidDataException($"Ledger entry {e.Sequence} ({e.Kind}) holds no data.");
}
