using System.Collections.Immutable;
using Craftsman.Contracts.Contests;
using Craftsman.Gateway.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Craftsman.Gateway.Judging;

/// <summary>
/// The panel's progress since <see cref="Follows"/>: waiting pushes merge into one that holds the
/// latest progress of every contestant changed since the first of them, so a judge that fell
/// behind gets one push that still covers everything since what it last had.
/// </summary>
public sealed class PanelPush(Topic topic, long version, RoundPhase phase, long follows, ImmutableDictionary<string, ContestantProgress> contestants)
    : Push(topic, version)
{
    public long Follows { get; } = follows;

    public override Push Merge(Push newer)
    {
        var next = (PanelPush)newer;
        // A newer push that does not follow this one starts a new stretch (the feed missed an update).
        var follows = next.Follows <= Version ? Follows : next.Follows;
        return new PanelPush(Topic, next.Version, next.Phase, follows, Contestants.SetItems(next.Contestants));
    }

    public RoundPhase Phase { get; } = phase;

    public ImmutableDictionary<string, ContestantProgress> Contestants { get; } = contestants;

    public override ValueTask Write(HubConnectionContext connection, long lastSent) =>
        connection.WriteAsync(new InvocationMessage(nameof(IJudgingClient.PanelChanged),
            [new PanelUpdate(Topic.Key.OccupationCode, Version, Phase, [.. Contestants.Values]) { Follows = Follows }]));
}
