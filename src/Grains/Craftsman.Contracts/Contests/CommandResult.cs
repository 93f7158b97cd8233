namespace Craftsman.Contracts.Contests;

/// <summary>The answer to a command: done at <see cref="Version"/>, or refused with a code and a reason (and nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("craftsman.CommandResult")]
public sealed record CommandResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] long Version,
    [property: Id(2)] string? Code,
    [property: Id(3)] string? Error)
{
    public static CommandResult Done(long version) => new(true, version, null, null);

    public static CommandResult Refused(long version, string code, string error) => new(false, version, code, error);
}
