namespace Craftsman.Contracts.People;

[GenerateSerializer, Alias("craftsman.JudgeRole")]
public enum JudgeRole
{
    /// <summary>裁判: marks on the panel.</summary>
    Judge = 0,

    /// <summary>裁判长: resolves flags and signs off; does not mark.</summary>
    Chief = 1,
}
