using Craftsman.Contracts.Contests;

namespace Craftsman.Rules.Workflow;

/// <summary>Who may ask what of a round (DESIGN.md §1). Checked before anything else.</summary>
public static class RoundPermissions
{
    public static IReadOnlyCollection<ActorRole> AllowedFor(ContestCommand command) => command switch
    {
        MoveRound { Target: RoundPhase.SignedOff } => [ActorRole.Chief],
        MoveRound => [ActorRole.Organiser],
        SetBlind or CheckInContestant or MarkAbsent or FreezeBoard or RevealBoard => [ActorRole.Organiser],
        DrawNumbers => [ActorRole.EncryptionOfficer],
        ApproveReveal => [ActorRole.EncryptionOfficer, ActorRole.Chief],
        ReopenCriterion or ConfirmCriterion => [ActorRole.Chief],
        FileAppeal => [ActorRole.Organiser, ActorRole.Arbiter],
        RuleAppeal => [ActorRole.Arbiter],
        _ => [],
    };

    public static string? Check(Actor actor, ContestCommand command)
    {
        var allowed = AllowedFor(command);
        return allowed.Contains(actor.Role)
            ? null
            : $"{Describe(command)} is for the {string.Join(" or ", allowed.Select(Name))}, not the {Name(actor.Role)}.";
    }

    public static string Describe(ContestCommand command) => command switch
    {
        MoveRound { Target: RoundPhase.SignedOff } => "Signing off the round",
        MoveRound m => $"Moving the round to {m.Target}",
        SetBlind => "Making a round blind",
        CheckInContestant => "Checking contestants in",
        MarkAbsent => "Recording that a contestant does not compete",
        DrawNumbers => "Drawing numbers",
        ApproveReveal => "Approving the reveal of draw numbers",
        ReopenCriterion => "Reopening a criterion",
        ConfirmCriterion => "Confirming a flagged criterion",
        FreezeBoard => "Freezing the public board",
        RevealBoard => "Revealing the public board",
        FileAppeal => "Filing an appeal",
        RuleAppeal => "Ruling on an appeal",
        _ => command.GetType().Name,
    };

    private static string Name(ActorRole role) => role switch
    {
        ActorRole.Organiser => "organiser",
        ActorRole.Chief => "chief judge",
        ActorRole.Judge => "judge",
        ActorRole.EncryptionOfficer => "encryption officer",
        ActorRole.Arbiter => "arbitration group",
        _ => role.ToString(),
    };
}
