namespace Craftsman.Contracts.Contests;

/// <summary>Who acts on a round (DESIGN.md §1); viewers never act.</summary>
[GenerateSerializer, Alias("craftsman.ActorRole")]
public enum ActorRole
{
    Organiser = 0,
    Chief = 1,
    Judge = 2,
    EncryptionOfficer = 3,
    Arbiter = 4,
}
