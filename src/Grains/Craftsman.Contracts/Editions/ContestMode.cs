namespace Craftsman.Contracts.Editions;

[GenerateSerializer, Alias("craftsman.ContestMode")]
public enum ContestMode
{
    /// <summary>A live practical contest in the arena (擂台比武) plus expert review.</summary>
    Competition = 0,

    /// <summary>Expert review only (专家综合评审).</summary>
    Review = 1,
}
