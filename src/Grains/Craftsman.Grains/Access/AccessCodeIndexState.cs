using Craftsman.Contracts.Access;

namespace Craftsman.Grains.Access;

[GenerateSerializer, Immutable, Alias("craftsman.AccessCodeIndexState")]
public sealed record AccessCodeIndexState
{
    [Id(0)] public AccessCodeHolder? Holder { get; init; }
}
