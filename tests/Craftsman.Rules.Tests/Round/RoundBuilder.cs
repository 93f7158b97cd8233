using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;
using Craftsman.Rules.Ledger;
using Craftsman.Rules.Round;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Tests.Round;

/// <summary>Drives a round through the same decisions and replay the contest grain uses, keeping its ledger.</summary>
internal sealed class RoundBuilder
{
    private readonly Func<IReadOnlyList<string>, DrawEnvelope> _draw;
    private DateTimeOffset _now = TestData.At;

    public RoundBuilder(ContestDefinition definition, Func<IReadOnlyList<string>, DrawEnvelope>? draw = null)
    {
        _draw = draw ?? (ids => new DrawEnvelope("salt", ids.Select((id, i) => KeyValuePair.Create(id, i + 1)).ToImmutableDictionary()));
        Append(LedgerChain.Next(State.LedgerEnd, _now, LedgerKinds.ContestSetUp, "organiser", definition));
    }

    public RoundState State { get; private set; } = RoundState.Empty("test/round");

    public List<LedgerEntry> Ledger { get; } = [];

    public ContestDefinition Definition => State.Definition!;

    public string Chief => Definition.Panel.Single(j => j.Role == JudgeRole.Chief).Id;

    public IReadOnlyList<string> Judges => [.. Definition.Panel.Where(j => j.Role == JudgeRole.Judge).Select(j => j.Id)];

    public RoundBuilder Do(ContestCommand command, Actor? actor = null)
    {
        var by = actor ?? (command is MoveRound { Target: RoundPhase.SignedOff } || command is ApproveReveal
            ? new Actor(Chief, ActorRole.Chief)
            : command is DrawNumbers ? new Actor("enc", ActorRole.EncryptionOfficer) : Actor.Organiser);
        var decision = RoundWorkflow.Decide(State, by, command, Tick(), _draw);
        Assert.True(decision.Succeeded, decision.Error);
        if (decision.Envelope is { } envelope)
            State = State with { Envelopes = State.Envelopes.SetItem(envelope.Commitment, envelope) };
        Append(LedgerChain.Next(State.LedgerEnd, _now, decision.Kind!, by.Id, decision.Data!));
        return this;
    }

    public RoundBuilder CheckInAll()
    {
        foreach (var c in Definition.Contestants)
            Do(new CheckInContestant(c.Id));
        return this;
    }

    public MarkOutcome[] Mark(params MarkSubmission[] marks)
    {
        var batch = MarkIntake.Decide(State, marks, Tick());
        State = batch.Next;
        Ledger.AddRange(batch.Entries);
        return batch.Outcomes;
    }

    /// <summary>The same round rebuilt from its ledger alone, as the contest does on activation.</summary>
    public RoundState Replayed() => RoundReplay.Build(State.Key, Ledger, State.Envelopes);

    private void Append(LedgerEntry entry)
    {
        State = RoundReplay.Apply(State, entry);
        Ledger.Add(entry);
    }

    private DateTimeOffset Tick() => _now = _now.AddSeconds(1);
}
