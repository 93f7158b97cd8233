namespace Craftsman.Contracts.People;

[GenerateSerializer, Alias("craftsman.OfficialRole")]
public enum OfficialRole
{
    /// <summary>加密裁判: draws and holds the contestant ↔ draw number mapping.</summary>
    EncryptionOfficer = 0,

    /// <summary>仲裁组: rules on appeals.</summary>
    Arbiter = 1,
}

/// <summary>An edition-wide official: the encryption officer or a member of the arbitration group.</summary>
[GenerateSerializer, Immutable, Alias("craftsman.Official")]
public sealed record Official(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OfficialRole Role);
