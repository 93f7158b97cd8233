namespace Craftsman.Contracts.Errors;

/// <summary>
/// The database did not confirm a read or write. Nothing was acknowledged, so the caller may
/// retry; a mark resent with the same idempotency key is never counted twice.
/// </summary>
[GenerateSerializer, Alias("craftsman.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception inner) : base(message, inner) { }
}
