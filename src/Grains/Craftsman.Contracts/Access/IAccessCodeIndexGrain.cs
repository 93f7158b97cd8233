namespace Craftsman.Contracts.Access;

/// <summary>
/// Which edition and person an access code belongs to, keyed by the code's hash
/// (<see cref="AccessCodeHash.Of"/>), so a code alone signs its holder in and no two editions
/// hold the same code. The edition's <see cref="IAccessCodeGrain"/> stays the authority: an
/// entry only says where to ask.
/// </summary>
[Alias("craftsman.IAccessCodeIndexGrain")]
public interface IAccessCodeIndexGrain : IGrainWithStringKey
{
    /// <summary>Points the code at the holder; false when it already points at someone else (draw another code).</summary>
    [Alias("Claim")]
    Task<bool> Claim(AccessCodeHolder holder);

    /// <summary>Forgets the code if it still points at this holder.</summary>
    [Alias("Release")]
    Task Release(AccessCodeHolder holder);

    [Alias("Find")]
    Task<AccessCodeHolder?> Find();
}
