using Craftsman.Contracts.Contests;
using Craftsman.Contracts.Editions;
using Craftsman.Contracts.Marking;
using Craftsman.Contracts.People;

namespace Craftsman.Documents.Results;

/// <summary>Bilingual labels (Chinese first, English beside it) for the printed result sheet.</summary>
internal static class ResultLabels
{
    public static string Role(ContestantRole role) => role switch
    {
        ContestantRole.Seed => "种子选手 Seed",
        _ => "挑战者 Challenger",
    };

    public static string JudgeRole(JudgeRole role) => role switch
    {
        Contracts.People.JudgeRole.Chief => "裁判长 chief judge",
        _ => "裁判 judge",
    };

    public static string Kind(CriterionKind kind) => kind switch
    {
        CriterionKind.Measurement => "测量 meas.",
        _ => "评判 judg.",
    };

    public static string Mode(ContestMode mode) => mode switch
    {
        ContestMode.Competition => "擂台比武 competition",
        _ => "专家评审 review",
    };

    public static string Phase(RoundPhase phase) => phase switch
    {
        RoundPhase.Draft => "草稿 Draft",
        RoundPhase.CheckIn => "检录 Check-in",
        RoundPhase.Live => "比赛中 Live",
        RoundPhase.Review => "复核 Review",
        RoundPhase.SignedOff => "已签署 Signed off",
        RoundPhase.Published => "已公示 Published",
        _ => "最终 Final",
    };

    public static (string Zh, string En, string Note) Status(ResultStatus status) => status switch
    {
        ResultStatus.Provisional => ("临时结果", "PROVISIONAL", "未经裁判长签署，分数仍可能变动 · not signed off; marks may still change"),
        ResultStatus.SignedOff => ("已签署", "SIGNED OFF", "公示期结束且申诉裁决后为正式结果 · official once the objection window closes"),
        _ => ("正式结果", "OFFICIAL", "公示期已结束，申诉均已裁决 · objection window closed, every appeal ruled"),
    };

    public static string Arena(ArenaOutcome outcome) => outcome switch
    {
        ArenaOutcome.SeedHeld => "守擂成功 the seed held the arena",
        ArenaOutcome.ChallengerTook => "攻擂成功 a challenger took the arena",
        ArenaOutcome.NotQualified => "未达合格分 no title: below the qualifying score",
        ArenaOutcome.NotApplicable => "专家评审 review only, no arena",
        _ => "待定 pending",
    };

    /// <param name="confirmed">Whether the chief judge confirmed this criterion's flag (with a written reason).</param>
    public static (string Text, bool IsProblem) State(CriterionAggregate? aggregate, bool confirmed = false) => aggregate switch
    {
        null => ("未评 no marks", true),
        { Flag: not CriterionFlag.None } when confirmed => ("已确认 confirmed", false),
        { Flag: CriterionFlag.SpreadExceedsTolerance } => ("分差超限 spread", true),
        { Flag: CriterionFlag.MeasurementDisagreement } => ("测量不一致 mismatch", true),
        { IsFinal: true } => ("最终 final", false),
        _ => ("暂定 pending", true),
    };
}
