using System.Collections.Immutable;

namespace Craftsman.Contracts.Editions;

/// <summary>
/// The one list of imported editions (key <see cref="Key"/>), so a gateway can answer a look-up of
/// an unknown edition id from its copy of this list instead of activating a grain per id asked for.
/// </summary>
[Alias("craftsman.IEditionDirectoryGrain")]
public interface IEditionDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "editions";

    [Alias("Register")]
    Task Register(string editionId);

    [Alias("List")]
    Task<ImmutableSortedSet<string>> List();
}
