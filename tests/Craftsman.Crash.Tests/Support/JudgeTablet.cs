using Craftsman.Contracts.Marking;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Crash.Tests.Support;

/// <summary>
/// One judge's (or chief judge's) tablet as judge.js drives the judging hub: signed in with the judge's token, it sends
/// one mark at a time with the key it gave the mark, waits for the outcome, and keeps every mark it
/// sent with what came back. When the gateway dies the call in flight stays unanswered.
/// </summary>
public sealed class JudgeTablet(Uri gateway, string edition, string occupation, string judgeId, string token) : IAsyncDisposable
{
    private readonly TaskCompletionSource _firstAcknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;

    public string Edition => edition;
    public string Occupation => occupation;
    public string JudgeId => judgeId;

    /// <summary>Completes when this tablet's first mark is acknowledged: marking has really begun.</summary>
    public Task FirstAcknowledgement => _firstAcknowledgement.Task;

    /// <summary>Every mark sent, in the order sent.</summary>
    public List<SentMark> Sent { get; } = [];

    public async Task ConnectAsync()
    {
        await DropAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "hubs/judging"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => Wire.Configure(o.PayloadSerializerOptions))
            .Build();
        // Pushes (PanelChanged) are not what this test checks; a handler keeps the client quiet about them.
        connection.On<object>("PanelChanged", _ => { });
        await connection.StartAsync();
        _connection = connection;
        // As the tablet does after every connect, before it sends.
        await connection.InvokeAsync<object>("GetContest");
    }

    /// <summary>Sends the planned marks one at a time until the plan ends or a call goes unanswered.</summary>
    public async Task MarkAsync(IEnumerable<(string ContestantId, string CriterionId, decimal Value)> plan)
    {
        var connection = _connection ?? throw new InvalidOperationException("Connect first.");
        foreach (var (contestantId, criterionId, value) in plan)
        {
            var mark = new SentMark(edition, occupation, judgeId, $"{edition}:{judgeId}:{Sent.Count + 1:D4}", contestantId, criterionId, value);
            lock (Sent)
                Sent.Add(mark);
            try
            {
                mark.Answered(await Submit(connection, mark), resent: false);
                if (mark.Acknowledged)
                    _firstAcknowledgement.TrySetResult();
            }
            catch (Exception e)
            {
                mark.Failure = $"{e.GetType().Name}: {e.Message}";
                return;
            }
        }
    }

    /// <summary>The same mark again under its key, as the tablet's queue resends after a reconnect.</summary>
    public Task<MarkOutcome> ResendAsync(SentMark mark) =>
        Submit(_connection ?? throw new InvalidOperationException("Connect first."), mark);

    /// <summary>Any other hub method (the chief judge's ConfirmCriterion and SignOff).</summary>
    public Task<T> InvokeAsync<T>(string method, params object?[] args) =>
        (_connection ?? throw new InvalidOperationException("Connect first.")).InvokeCoreAsync<T>(method, args);

    private static Task<MarkOutcome> Submit(HubConnection connection, SentMark mark) =>
        connection.InvokeAsync<MarkOutcome>("SubmitMark", new
        {
            occupation = mark.Occupation,
            idempotencyKey = mark.Key,
            contestantId = mark.ContestantId,
            criterionId = mark.CriterionId,
            value = mark.Value,
        });

    private async Task DropAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(DropAsync());
}
