using System.Text.Json;

namespace Craftsman.Gateway.Benchmark;

/// <summary>
/// What the bare benchmark hub calls on its clients: the same method name and payload shape as the
/// live hub's <c>LeaderboardChanged</c>, so the load tool's viewers are the same code in both runs.
/// </summary>
public interface IBareBroadcastClient
{
    Task LeaderboardChanged(JsonElement payload);
}
