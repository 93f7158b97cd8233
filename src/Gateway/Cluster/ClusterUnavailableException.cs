namespace Craftsman.Gateway.Cluster;

/// <summary>The cluster cannot be reached now; the caller may retry (marks safely, with the same key).</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
