using Craftsman.Grains.Contests;

namespace Craftsman.Grains.Workflow;

/// <summary>A command's effect: the next state and what goes into the ledger, or why nothing changes.</summary>
public sealed record WorkflowResult(ContestState? Next, string? Kind, object? Data, string? Code, string? Error)
{
    public bool Succeeded => Next is not null;

    public static WorkflowResult Step(ContestState next, string kind, object data) => new(next, kind, data, null, null);

    public static WorkflowResult Refuse(string code, string error) => new(null, null, null, code, error);
}
