using System.Text.Json;
using Craftsman.Failover.Api;
using Craftsman.Failover.Setup;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Failover.Marking;

/// <summary>
/// SubmitMark on /hubs/judging with the judge's token. A connection that cannot be made, or drops,
/// sends the judge to the other gateway on the next send.
/// </summary>
public sealed class HubMarkChannel(GatewayApi api, JudgeSeat seat, TimeSpan callTimeout) : IMarkChannel
{
    private int _gateway = seat.HomeGateway;
    private HubConnection? _connection;

    public Uri Gateway => api.Gateways[_gateway];

    public async Task<Attempt> SubmitAsync(MarkRecord mark, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(callTimeout);
        if (_connection is not { State: HubConnectionState.Connected })
        {
            await DropAsync();
            var connection = Hubs.Build(Gateway, Hubs.Judging, () => Task.FromResult<string?>(seat.Token));
            try
            {
                await connection.StartAsync(limit.Token);
                _connection = connection;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                Next();
                return e is OperationCanceledException
                    ? Attempt.Failed(FailureClass.NoAnswer, $"hub connect: no answer within {callTimeout.TotalSeconds:F0}s")
                    : Attempt.Failed(FailureClass.Connection, $"hub connect: {RestMarkChannel.Short(Innermost(e).Message)}");
            }
        }

        try
        {
            var outcome = await _connection.InvokeAsync<JsonElement>("SubmitMark",
                new { occupation = mark.Occupation, idempotencyKey = mark.Key, contestantId = mark.ContestantId, criterionId = mark.CriterionId, value = mark.Value },
                limit.Token);
            if (outcome.Bool("accepted"))
                return Attempt.Acknowledged(outcome.Long("version"));
            var rejection = outcome.TryGetProperty("rejection", out var r) ? r : default;
            return Attempt.Rejected($"hub {rejection.String("code") ?? "rejected"}: {RestMarkChannel.Short(rejection.String("message"))}");
        }
        catch (HubException e) when (e.Message.Contains("ClusterUnavailable (retryable)", StringComparison.Ordinal))
        {
            return Attempt.Failed(FailureClass.Retryable, $"hub {RestMarkChannel.Short(e.Message[e.Message.IndexOf("ClusterUnavailable", StringComparison.Ordinal)..])}");
        }
        catch (HubException e)
        {
            return Attempt.Failed(FailureClass.ServerError, $"hub error: {RestMarkChannel.Short(e.Message)}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            // Either the call timed out or the connection under it closed; only the first leaves it usable.
            var connected = _connection.State == HubConnectionState.Connected;
            if (!connected)
                Next();
            return e is OperationCanceledException && connected
                ? Attempt.Failed(FailureClass.NoAnswer, $"hub no answer within {callTimeout.TotalSeconds:F0}s")
                : Attempt.Failed(FailureClass.Connection, $"hub connection lost: {RestMarkChannel.Short(Innermost(e).Message)}");
        }
    }

    public ValueTask DisposeAsync() => new(DropAsync());

    private async Task DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await connection.StopAsync(limit.Token);
            }
            catch (Exception)
            {
                // a dead connection cannot be stopped politely; disposing is enough
            }
            await connection.DisposeAsync();
        }
    }

    private void Next() => _gateway = (_gateway + 1) % api.Gateways.Count;

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
