namespace Craftsman.Contracts.Errors;

/// <summary>
/// The database did not confirm a read or write. Nothing was acknowledged, so the caller may
/// retry; a mark resent with the same idempotency key is never counted twice. It carries only
/// text: the driver's own exception stays in the silo's log, since it cannot cross a grain call.
/// </summary>
[GenerateSerializer, Alias("craftsman.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message);
