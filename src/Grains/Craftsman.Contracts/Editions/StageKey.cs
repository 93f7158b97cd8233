using System.Collections.Immutable;

namespace Craftsman.Contracts.Editions;

/// <summary>
/// Where one stage's round lives. The occupation's main stage (see <see cref="MainStage"/>) keeps
/// the key every page already uses, "{edition}/{occupation}"; every other stage is
/// "{edition}/{occupation}~{stage}". In addresses a round is named by its round code: the
/// occupation code alone for the main stage, "{occupation}~{stage}" for the others.
/// </summary>
public readonly record struct StageKey(string EditionId, string OccupationCode, string? StageId)
{
    public const char Separator = '~';

    /// <summary>The round's code in addresses and on the live hub.</summary>
    public string RoundCode => StageId is null ? OccupationCode : $"{OccupationCode}{Separator}{StageId}";

    /// <summary>The round's contest grain key.</summary>
    public string GrainKey => GrainKeys.Contest(EditionId, RoundCode);

    /// <summary>The occupation's key: its stage record and its open call.</summary>
    public string OccupationKey => GrainKeys.Contest(EditionId, OccupationCode);

    /// <summary>A contest grain key (or edition and round code) read back; the stage is null for the main round.</summary>
    public static StageKey Parse(string grainKey)
    {
        var slash = grainKey.LastIndexOf('/');
        return FromRoundCode(slash < 0 ? "" : grainKey[..slash], grainKey[(slash + 1)..]);
    }

    public static StageKey FromRoundCode(string editionId, string roundCode)
    {
        var tilde = roundCode.IndexOf(Separator);
        return tilde < 0
            ? new StageKey(editionId, roundCode, null)
            : new StageKey(editionId, roundCode[..tilde], roundCode[(tilde + 1)..]);
    }

    /// <summary>The occupation a round code belongs to ("lift-repair~selection" → "lift-repair").</summary>
    public static string OccupationOf(string roundCode) => FromRoundCode("", roundCode).OccupationCode;

    /// <summary>The key of a stage of an occupation: the main stage maps to the occupation's own key.</summary>
    public static StageKey Of(string editionId, Occupation occupation, string stageId) =>
        MainStage(occupation)?.Id == stageId ? new StageKey(editionId, occupation.Code, null) : new StageKey(editionId, occupation.Code, stageId);

    /// <summary>The occupation's stages, empty when it has none (also in state stored before stages existed).</summary>
    public static ImmutableArray<Stage> StagesOf(Occupation occupation) => occupation.Stages.IsDefault ? [] : occupation.Stages;

    /// <summary>
    /// The stage whose round is the occupation's main round: the one with id "final", else the
    /// first stage that carries weight, else the last; null when the occupation has no stages.
    /// </summary>
    public static Stage? MainStage(Occupation occupation)
    {
        var stages = StagesOf(occupation);
        return stages.IsEmpty ? null
            : stages.FirstOrDefault(s => s.Id == "final") ?? stages.FirstOrDefault(s => s.Weight > 0) ?? stages[^1];
    }

    /// <summary>The stage a round code names, or null when the code is no round of the occupation.</summary>
    public static Stage? StageOf(Occupation occupation, string? stageId) =>
        stageId is null ? MainStage(occupation)
        : MainStage(occupation)?.Id == stageId ? null
        : StagesOf(occupation).FirstOrDefault(s => s.Id == stageId);

    /// <summary>Whether a round code names a round of the edition: an occupation's code, or one of its other stages'.</summary>
    public static bool Exists(IEnumerable<Occupation> occupations, string roundCode)
    {
        var key = FromRoundCode("", roundCode);
        var occupation = occupations.FirstOrDefault(o => o.Code == key.OccupationCode);
        return occupation is not null && (key.StageId is null || StageOf(occupation, key.StageId) is not null);
    }
}
