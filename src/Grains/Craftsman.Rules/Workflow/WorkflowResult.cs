using Craftsman.Rules.Round;

namespace Craftsman.Rules.Workflow;

/// <summary>
/// A command's decision: the ledger entry to append (its kind and data; the round's next state is
/// that entry's replay), or why nothing changes. A draw also hands back the envelope to seal first.
/// </summary>
public sealed record WorkflowResult(string? Kind, object? Data, string? Code, string? Error, DrawEnvelope? Envelope = null)
{
    public bool Succeeded => Kind is not null;

    public static WorkflowResult Step(string kind, object data, DrawEnvelope? envelope = null) => new(kind, data, null, null, envelope);

    public static WorkflowResult Refuse(string code, string error) => new(null, null, code, error);
}
