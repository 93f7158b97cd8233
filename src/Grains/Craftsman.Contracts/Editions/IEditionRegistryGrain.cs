namespace Craftsman.Contracts.Editions;

/// <summary>
/// The list of editions and which one is current, in one grain keyed <see cref="Key"/>: the pages
/// open on the current edition, and nothing else needs to know an edition's id in advance.
/// </summary>
[Alias("craftsman.IEditionRegistryGrain")]
public interface IEditionRegistryGrain : IGrainWithStringKey
{
    public const string Key = "registry";

    /// <summary>Every edition, by id, and the current one.</summary>
    [Alias("List")]
    Task<EditionList> List();

    /// <summary>Adds an edition the office created (not yet imported); false when the id is taken.</summary>
    [Alias("Create")]
    Task<bool> Create(EditionEntry entry);

    /// <summary>Records an imported edition (adding it, or updating its title and year); the first edition becomes current.</summary>
    [Alias("Imported")]
    Task Imported(EditionInfo edition);

    /// <summary>Makes a listed edition the current one; false when it is not listed.</summary>
    [Alias("MakeCurrent")]
    Task<bool> MakeCurrent(string editionId);
}
