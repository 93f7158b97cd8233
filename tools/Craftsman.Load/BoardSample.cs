using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Load;

/// <summary>
/// The payload the bare hub broadcasts: the largest real board of the occupations under load when
/// the live hub answers, so both runs push the same bytes; otherwise a synthetic board of the same
/// shape and the requested size.
/// </summary>
public static class BoardSample
{
    public static async Task<JsonObject?> ReadLargestAsync(LoadOptions o, IReadOnlyList<string> occupations, CancellationToken cancel)
    {
        await using var probe = Hubs.Build(o.Url, Hubs.Live, o.Negotiate);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            await probe.StartAsync(limit.Token);
            JsonObject? largest = null;
            var largestBytes = 0;
            foreach (var occupation in occupations)
            {
                var board = await probe.InvokeAsync<JsonElement>("FollowOccupation", o.Edition, occupation, limit.Token);
                var bytes = Encoding.UTF8.GetByteCount(board.GetRawText());
                if (bytes > largestBytes && JsonNode.Parse(board.GetRawText()) is JsonObject parsed)
                {
                    (largest, largestBytes) = (parsed, bytes);
                }
            }
            return largest;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine($"no real board to copy ({e.GetType().Name}: {e.Message}); the bare payload will be synthetic");
            return null;
        }
    }

    /// <summary>A PublicLeaderboard-shaped board of about <paramref name="bytes"/> bytes (never more, unless one standing already is).</summary>
    public static JsonObject Synthetic(int bytes)
    {
        var standings = new JsonArray();
        var board = new JsonObject
        {
            ["occupationCode"] = "bench",
            ["version"] = 0,
            ["phase"] = "live",
            ["standings"] = standings,
            ["arena"] = new JsonObject { ["outcome"] = "none", ["titleCandidateId"] = null },
            ["updatedAt"] = DateTimeOffset.UnixEpoch.ToString("O"),
        };
        for (var i = 1; Size(board) < bytes && i < 10_000; i++)
        {
            var standing = new JsonObject
            {
                ["rank"] = i,
                ["contestantId"] = $"C{i:000}",
                ["displayName"] = $"Contestant {i}",
                ["role"] = "contestant",
                ["composite"] = 90.5m - i,
                ["modules"] = new JsonArray(new JsonObject { ["moduleId"] = "A", ["score"] = 40.25m, ["max"] = 50 }),
                ["status"] = "provisional",
                ["markCount"] = 12,
                ["hasOpenFlags"] = false,
            };
            standings.Add(standing);
            if (Size(board) > bytes && standings.Count > 1)
            {
                standings.Remove(standing);
                break;
            }
        }
        return board;
    }

    public static int Size(JsonObject board) => Encoding.UTF8.GetByteCount(board.ToJsonString());
}
