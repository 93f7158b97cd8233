using System.Text.Json;

namespace Craftsman.Load;

// The few fields of the gateway's hub messages the tool reads or writes (DESIGN.md §4; the hubs'
// JSON protocol uses camelCase names). Viewers bind only the head of a board, so a 1 KB board is
// skimmed rather than materialised, the same way in the product and the bare run.

/// <summary>The head of a PublicLeaderboard, or of a bare-hub payload, which adds the send time and a warm-up flag.</summary>
/// <remarks><c>Follows</c> is the version the gateway last gave this connection (absent on the bare hub).</remarks>
public sealed record BoardHead(string? OccupationCode, long Version, long? SentAtUs, bool? Warmup, long? Follows = null);

/// <summary>The argument of the judging hub's SubmitMark.</summary>
public sealed record MarkSubmission(string Occupation, string IdempotencyKey, string ContestantId, string CriterionId, decimal Value);

/// <summary>SubmitMark's answer; the rejection is kept raw so an enum sent as a string or a number both read.</summary>
public sealed record MarkOutcome(string? IdempotencyKey, bool Accepted, long? Version, bool IsCorrection, JsonElement? Rejection)
{
    public string RejectionCode =>
        Rejection is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("code", out var code)
            ? code.ToString()
            : "unknown";
}
