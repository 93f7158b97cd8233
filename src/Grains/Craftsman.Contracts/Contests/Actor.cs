namespace Craftsman.Contracts.Contests;

/// <summary>The signed-in person behind a command, as the gateway's token names them.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Actor")]
public sealed record Actor([property: Id(0)] string Id, [property: Id(1)] ActorRole Role)
{
    public static readonly Actor Organiser = new("organiser", ActorRole.Organiser);
}
