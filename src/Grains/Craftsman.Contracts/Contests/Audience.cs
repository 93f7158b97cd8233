namespace Craftsman.Contracts.Contests;

/// <summary>
/// Who a contest's query answers. Every query of a round takes one, so a caller cannot ask for
/// another audience's view by picking the wrong method; a judge is named so that their view can
/// hold their own marks and nobody else's.
/// </summary>
[GenerateSerializer, Immutable, Alias("craftsman.Audience")]
public sealed record Audience([property: Id(0)] AudienceKind Kind, [property: Id(1)] string? PersonId = null)
{
    public static readonly Audience Public = new(AudienceKind.Public);

    public static readonly Audience Organiser = new(AudienceKind.Organiser);

    public static Audience Judge(string judgeId) => new(AudienceKind.Judge, judgeId);

    public static Audience ChiefJudge(string judgeId) => new(AudienceKind.ChiefJudge, judgeId);

    /// <summary>The audience of a signed-in person: what they may read is what their role may.</summary>
    public static Audience Of(Actor actor) => actor.Role switch
    {
        ActorRole.Organiser => Organiser,
        ActorRole.Chief => new(AudienceKind.ChiefJudge, actor.Id),
        ActorRole.EncryptionOfficer => new(AudienceKind.EncryptionOfficer, actor.Id),
        ActorRole.Arbiter => new(AudienceKind.Arbitration, actor.Id),
        _ => new(AudienceKind.Judge, actor.Id),
    };
}
