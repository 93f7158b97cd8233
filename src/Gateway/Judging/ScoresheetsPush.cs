using System.Collections.Immutable;
using Craftsman.Contracts.Contestants;
using Craftsman.Gateway.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Craftsman.Gateway.Judging;

/// <summary>The chief judge's changed scoresheets: waiting pushes merge, keeping each contestant's latest sheet.</summary>
public sealed class ScoresheetsPush(Topic topic, long version, ImmutableDictionary<string, Scoresheet> sheets) : Push(topic, version)
{
    public ImmutableDictionary<string, Scoresheet> Sheets { get; } = sheets;

    public override Push Merge(Push newer) =>
        new ScoresheetsPush(Topic, newer.Version, Sheets.SetItems(((ScoresheetsPush)newer).Sheets));

    public override async ValueTask Write(HubConnectionContext connection, long lastSent)
    {
        foreach (var sheet in Sheets.Values)
            await connection.WriteAsync(new InvocationMessage(nameof(IJudgingClient.ScoresheetChanged), [sheet]));
    }
}
