using System.Collections.Immutable;

namespace Craftsman.Contracts.Results;

/// <summary>
/// An edition's results (keyed by the edition id): the recommended list (建议名单), derived from
/// every occupation's stages; the public notice (公示) window; the objections lodged in it; and
/// the naming. Objections carry personal data: the gateway lets only the office read them.
/// </summary>
[Alias("craftsman.IEditionResultsGrain")]
public interface IEditionResultsGrain : IGrainWithStringKey
{
    [Alias("GetRecommended")]
    Task<RecommendedList> GetRecommended();

    /// <summary>Opens (or moves) the notice window; refused once the names are confirmed.</summary>
    [Alias("SetNotice")]
    Task<ResultsRefusal?> SetNotice(NoticeWindow window);

    /// <summary>What the public sees: the list, the window, how many objections and how many resolved; no personal data.</summary>
    [Alias("GetNotice")]
    Task<PublicNotice> GetNotice();

    /// <summary>Anyone lodges an objection while the window is open.</summary>
    [Alias("Lodge")]
    Task<LodgeResult> Lodge(ObjectionForm form);

    [Alias("GetObjections")]
    Task<ImmutableArray<Objection>> GetObjections();

    /// <summary>The office resolves an objection, upheld or not, with a reason.</summary>
    [Alias("Resolve")]
    Task<ResultsRefusal?> Resolve(int number, bool upheld, string reason);

    /// <summary>Confirms the names: only after the window closed and every objection is resolved.</summary>
    [Alias("Name")]
    Task<NamingResult> Name();
}
