namespace Craftsman.Contracts.Contests;

[GenerateSerializer, Alias("craftsman.ResultStatus")]
public enum ResultStatus
{
    /// <summary>Marks may still change (before sign-off).</summary>
    Provisional = 0,

    /// <summary>Signed off by the chief judge; published or awaiting the close of the objection window.</summary>
    SignedOff = 1,

    /// <summary>Published and the objection window closed with every appeal ruled.</summary>
    Official = 2,
}
