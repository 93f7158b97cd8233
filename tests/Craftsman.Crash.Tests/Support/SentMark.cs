using Craftsman.Contracts.Marking;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// One mark a judge's tablet sent, with its idempotency key, and what came back: an outcome (the
/// mark was acknowledged, or refused), or nothing because the gateway died first.
/// </summary>
public sealed class SentMark(string edition, string occupation, string judgeId, string key, string contestantId, string criterionId, decimal value)
{
    public string Edition { get; } = edition;
    public string Occupation { get; } = occupation;
    public string JudgeId { get; } = judgeId;
    public string Key { get; } = key;
    public string ContestantId { get; } = contestantId;
    public string CriterionId { get; } = criterionId;
    public decimal Value { get; } = value;

    /// <summary>The first answer the tablet received for this key (during marking or on a resend).</summary>
    public MarkOutcome? Outcome { get; private set; }

    /// <summary>The gateway died before answering; <see cref="Outcome"/> is the answer to a resend.</summary>
    public bool AnsweredOnResend { get; private set; }

    /// <summary>Keeps the first answer; a resend's answer counts only for a mark the kill left unanswered.</summary>
    public void Answered(MarkOutcome outcome, bool resent)
    {
        if (Outcome is not null)
            return;
        Outcome = outcome;
        AnsweredOnResend = resent;
    }

    /// <summary>Why no answer came (the connection closed under the call), when none did.</summary>
    public string? Failure { get; set; }

    public bool Acknowledged => Outcome is { Accepted: true };

    public override string ToString() => $"{Key} (judge {JudgeId}, {ContestantId}/{CriterionId} = {Value})";
}
