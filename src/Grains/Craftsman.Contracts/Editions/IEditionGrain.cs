using System.Collections.Immutable;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Editions;

/// <summary>One edition, keyed by its id ("2020"): what was imported, and an overview of all its contests.</summary>
[Alias("craftsman.IEditionGrain")]
public interface IEditionGrain : IGrainWithStringKey
{
    [Alias("Import")]
    Task<ImportResult> Import(EditionDocument document);

    [Alias("GetDocument")]
    Task<EditionDocument?> GetDocument();

    [Alias("GetOccupations")]
    Task<ImmutableArray<Occupation>> GetOccupations();

    [Alias("GetContestants")]
    Task<ImmutableArray<Contestant>> GetContestants();

    [Alias("GetOverview")]
    Task<EditionOverview> GetOverview();
}
