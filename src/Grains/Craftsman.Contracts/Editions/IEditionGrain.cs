using Craftsman.Contracts.Analytics;
using Orleans.Concurrency;
using System.Collections.Immutable;
using Craftsman.Contracts.People;

namespace Craftsman.Contracts.Editions;

/// <summary>One edition, keyed by its id ("2020"): what was imported, and an overview of all its contests.</summary>
[Alias("craftsman.IEditionGrain")]
public interface IEditionGrain : IGrainWithStringKey
{
    [Alias("Import")]
    Task<ImportResult> Import(EditionDocument document);

    /// <summary>
    /// The committed document. Interleaves with an import in progress (it reads one immutable
    /// reference): an import waits on contests, and a contest leaving Draft may read the document
    /// through its stage, which would otherwise wait on the import for ever.
    /// </summary>
    [Alias("GetDocument"), AlwaysInterleave]
    Task<EditionDocument?> GetDocument();

    [Alias("GetOccupations"), AlwaysInterleave]
    Task<ImmutableArray<Occupation>> GetOccupations();

    /// <summary>Judge analytics across the edition's occupations, for the organiser; null for an edition not imported.</summary>
    [Alias("GetJudgeAnalytics"), AlwaysInterleave]
    Task<EditionAnalytics?> GetJudgeAnalytics();

    [Alias("GetContestants")]
    Task<ImmutableArray<Contestant>> GetContestants();

    [Alias("GetOverview")]
    Task<EditionOverview> GetOverview();
}
