using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Rules.Round;
using Craftsman.Rules.Workflow;

namespace Craftsman.Rules.Tests;

/// <summary>Every command refused to every role that may not take it, and in every phase where it does not belong.</summary>
public sealed class RoundWorkflowTests
{
    private static readonly ContestDefinition Definition = TestData.Contest();
    private static readonly string ChiefId = Definition.Panel.Single(j => j.Role == Contracts.People.JudgeRole.Chief).Id;
    private static readonly string ContestantId = Definition.Contestants[0].Id;
    private static readonly string JudgeId = Definition.Panel.First(j => j.Role == Contracts.People.JudgeRole.Judge).Id;

    public static readonly TheoryData<string> CommandNames = new(Commands().Keys);

    private static Dictionary<string, ContestCommand> Commands() => new()
    {
        ["checkIn"] = new MoveRound(RoundPhase.CheckIn),
        ["signOff"] = new MoveRound(RoundPhase.SignedOff),
        ["blind"] = new SetBlind(true),
        ["checkInContestant"] = new CheckInContestant(ContestantId),
        ["draw"] = new DrawNumbers(),
        ["approveReveal"] = new ApproveReveal(),
        ["reopen"] = new ReopenCriterion(ContestantId, "P3", [JudgeId]),
        ["confirm"] = new ConfirmCriterion(ContestantId, "P3", "checked"),
        ["freeze"] = new FreezeBoard(),
        ["reveal"] = new RevealBoard(true),
        ["appeal"] = new FileAppeal(ContestantId, "P3", "grounds"),
        ["ruling"] = new RuleAppeal(1, true, "reason"),
        ["absent"] = new MarkAbsent(ContestantId, AbsenceKind.Absent, "did not report"),
    };

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryRoleThatMayNotTakeACommandIsRefused(string name)
    {
        var command = Commands()[name];
        var allowed = RoundPermissions.AllowedFor(command);
        foreach (var role in Enum.GetValues<ActorRole>().Where(r => !allowed.Contains(r)))
        {
            var actor = new Actor(role == ActorRole.Chief ? ChiefId : "someone", role);
            foreach (var phase in Enum.GetValues<RoundPhase>())
            {
                var result = Apply(State(phase, name), actor, command);
                Assert.False(result.Succeeded);
                Assert.Equal("Forbidden", result.Code);
                Assert.Null(result.Kind);
                Assert.False(string.IsNullOrWhiteSpace(result.Error));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryCommandOutsideItsPhasesIsRefused(string name)
    {
        var command = Commands()[name];
        var actor = ActorFor(command);
        var legal = Enum.GetValues<RoundPhase>().Where(p => Apply(State(p, name), actor, command).Succeeded).ToList();
        Assert.NotEmpty(legal);
        foreach (var phase in Enum.GetValues<RoundPhase>().Except(legal))
        {
            var result = Apply(State(phase, name), actor, command);
            Assert.Null(result.Kind);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Fact]
    public void SignOffIsRefusedWhileAFlagIsOpen()
    {
        Assert.Equal("FlagsOpen", Apply(State(RoundPhase.Review, "confirm"), new Actor(ChiefId, ActorRole.Chief), new MoveRound(RoundPhase.SignedOff)).Code);
    }

    [Fact]
    public void AnotherOccupationsChiefJudgeIsRefused()
    {
        var result = Apply(State(RoundPhase.Review), new Actor("J999", ActorRole.Chief), new MoveRound(RoundPhase.SignedOff));
        Assert.Equal("Forbidden", result.Code);
    }

    [Fact]
    public void BlindRoundNeedsItsDrawBeforeGoingLive()
    {
        var allIn = State(RoundPhase.CheckIn) with { Blind = true, CheckedIn = [.. Definition.Contestants.Select(c => c.Id)] };
        var result = Apply(allIn, Actor.Organiser, new MoveRound(RoundPhase.Live));
        Assert.Equal("NumbersNotDrawn", result.Code);
    }

    [Fact]
    public void BlindRoundNeedsBothApprovalsToPublish()
    {
        var signedOff = State(RoundPhase.SignedOff) with { Blind = true, RevealApprovals = [ActorRole.Chief] };
        Assert.Equal("RevealNotApproved", Apply(signedOff, Actor.Organiser, new MoveRound(RoundPhase.Published)).Code);
        Assert.True(Apply(signedOff with { RevealApprovals = [ActorRole.Chief, ActorRole.EncryptionOfficer] }, Actor.Organiser, new MoveRound(RoundPhase.Published)).Succeeded);
    }

    [Fact]
    public void FinalWaitsForEveryAppealToBeRuled()
    {
        var open = new Appeal(1, ContestantId, "P3", "g", "organiser", TestData.At, AppealStatus.Open, null, null, null);
        var published = State(RoundPhase.Published) with { PublishedAt = TestData.At.AddHours(-3), Appeals = [open] };
        Assert.Equal("AppealsOpen", Apply(published, Actor.Organiser, new MoveRound(RoundPhase.Final)).Code);
    }

    [Fact]
    public void A_re_mark_fulfils_the_request_for_that_judge_only()
    {
        var reopened = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty
            .Add(RoundState.CriterionKey("C1", "P3"), ["J1", "J2"])
            .Add(RoundState.CriterionKey("C2", "P3"), ["J1"]);

        var afterJ1 = RoundWorkflow.Remarked(reopened, "C1", "P3", "J1");
        Assert.Equal<string>(["J2"], afterJ1[RoundState.CriterionKey("C1", "P3")]);
        Assert.Equal<string>(["J1"], afterJ1[RoundState.CriterionKey("C2", "P3")]);

        var afterBoth = RoundWorkflow.Remarked(afterJ1, "C1", "P3", "J2");
        Assert.False(afterBoth.ContainsKey(RoundState.CriterionKey("C1", "P3")));

        // A judge not asked, or another criterion, changes nothing.
        Assert.Same(reopened, RoundWorkflow.Remarked(reopened, "C1", "P3", "J3"));
        Assert.Same(reopened, RoundWorkflow.Remarked(reopened, "C1", "P4", "J1"));
    }

    [Fact]
    public void GoingLiveNeedsEveryContestantCheckedInOrAbsent()
    {
        var checkIn = State(RoundPhase.CheckIn);
        Assert.Equal("CheckInIncomplete", Apply(checkIn, Actor.Organiser, new MoveRound(RoundPhase.Live)).Code);
        var allButOne = checkIn with { CheckedIn = [.. Definition.Contestants.Skip(1).Select(c => c.Id)] };
        Assert.Equal("CheckInIncomplete", Apply(allButOne, Actor.Organiser, new MoveRound(RoundPhase.Live)).Code);
        var oneAbsent = allButOne with { Absences = allButOne.Absences.Add(ContestantId, new Absence(AbsenceKind.Absent, "ill", TestData.At)) };
        Assert.True(Apply(oneAbsent, Actor.Organiser, new MoveRound(RoundPhase.Live)).Succeeded);
    }

    [Fact]
    public void SignOffIsRefusedWhileACriterionLacksAFinalAggregate()
    {
        var review = State(RoundPhase.Review);
        var result = Apply(review, new Actor(ChiefId, ActorRole.Chief), new MoveRound(RoundPhase.SignedOff));
        Assert.Equal("MarkingIncomplete", result.Code);
        // Those who do not compete need no marks.
        var nobodyCompetes = review with
        {
            Absences = Definition.Contestants.ToImmutableSortedDictionary(c => c.Id, _ => new Absence(AbsenceKind.Withdrawn, "left", TestData.At)),
        };
        Assert.True(Apply(nobodyCompetes, new Actor(ChiefId, ActorRole.Chief), new MoveRound(RoundPhase.SignedOff)).Succeeded);
    }

    [Fact]
    public void RecordingAnAbsenceNeedsAReason()
    {
        var result = Apply(State(RoundPhase.CheckIn), Actor.Organiser, new MarkAbsent(ContestantId, AbsenceKind.Absent, " "));
        Assert.Equal("ReasonRequired", result.Code);
    }

    // Each state is prepared so that the command is legal in at least one phase: a flag to confirm,
    // a frozen board to reveal, an appeal to rule, an open objection window, marking complete for a sign-off.
    private static RoundState State(RoundPhase phase, string command = "")
    {
        var setUp = RoundReplay.Apply(RoundState.Empty("test/occupation"),
            Ledger.LedgerChain.Next(new Ledger.LedgerPosition(0, Ledger.LedgerChain.Genesis), TestData.At, Ledger.LedgerKinds.ContestSetUp, "organiser", Definition));
        var flagged = new ContestantScore(0m, [], 5, [new FlaggedCriterion("P3", Contracts.Marking.CriterionFlag.SpreadExceedsTolerance)]);
        var appeal = new Appeal(1, ContestantId, "P3", "g", "organiser", TestData.At, AppealStatus.Open, null, null, null);
        var everyCriterion = Definition.Contestants.SelectMany(c => Definition.Scheme.Modules.SelectMany(m => m.Criteria)
            .Select(k => RoundState.CriterionKey(c.Id, k.Id))).ToImmutableSortedDictionary(k => k, _ => "checked");
        return setUp with
        {
            Phase = phase,
            Blind = command is "draw" or "approveReveal",
            Scores = command is "reopen" or "confirm" ? setUp.Scores.SetItem(ContestantId, flagged) : setUp.Scores,
            Confirmed = command == "signOff" ? everyCriterion : setUp.Confirmed,
            PublishedAt = phase >= RoundPhase.Published ? TestData.At : null,
            FrozenBoard = command == "reveal" ? Board(phase) : null,
            Appeals = phase == RoundPhase.Published ? [appeal] : [],
        };
    }

    private static Leaderboard Board(RoundPhase phase) =>
        new(Definition.Occupation.Code, 1, phase, [], new ArenaResult(ArenaOutcome.Pending, null), TestData.At);

    private static Actor ActorFor(ContestCommand command)
    {
        var role = RoundPermissions.AllowedFor(command).First();
        return new Actor(role == ActorRole.Chief ? ChiefId : "someone", role);
    }

    private static WorkflowResult Apply(RoundState state, Actor actor, ContestCommand command) =>
        RoundWorkflow.Decide(state, actor, command, TestData.At,
            ids => new DrawEnvelope("salt", ids.Select((id, i) => KeyValuePair.Create(id, i + 1)).ToImmutableDictionary()));
}
