using System.Collections.Immutable;
using Craftsman.Contracts.Editions;
using Orleans.Concurrency;

namespace Craftsman.Contracts.Stages;

/// <summary>
/// One occupation's stages, keyed like its main contest ("{edition}/{occupation}"): who competes
/// in each stage, the advancements (the one fact this grain stores) and the composite.
/// </summary>
[Alias("craftsman.IStageGrain")]
public interface IStageGrain : IGrainWithStringKey
{
    /// <summary>
    /// The definition a stage's round starts with (null stage id: the main round), taken when the
    /// round leaves Draft; both null when the occupation has no stages, so the round keeps its own.
    /// Interleaves: a round leaving Draft asks while this grain may be waiting on that round.
    /// </summary>
    [Alias("SetUpFor"), AlwaysInterleave]
    Task<StageSetUp> SetUpFor(string? stageId);

    /// <summary>Sets every stage's round that is still in Draft up with what is known now (after an import).</summary>
    [Alias("Prepare")]
    Task<string?> Prepare(EditionDocument document);

    /// <summary>Advances the top <paramref name="count"/> of a signed-off stage (all tied at the cut-off); refused with nothing stored.</summary>
    [Alias("Advance")]
    Task<AdvanceResult> Advance(string stageId, int count);

    /// <summary>Who <see cref="Advance"/> would send on now (the same checks and refusals); nothing is stored.</summary>
    [Alias("PreviewAdvance")]
    Task<AdvanceResult> PreviewAdvance(string stageId, int count);

    /// <summary>The stages with their rounds' phases and the advancements, without the composite (the public overview's list).</summary>
    [Alias("GetStages")]
    Task<ImmutableArray<StageView>> GetStages();

    /// <summary>The stages with their rounds' phases, the advancements and the composite.</summary>
    [Alias("GetResults")]
    Task<OccupationResults> GetResults();
}
