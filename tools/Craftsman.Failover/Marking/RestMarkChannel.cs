using Craftsman.Failover.Api;
using Craftsman.Failover.Setup;

namespace Craftsman.Failover.Marking;

/// <summary>
/// POST /api/editions/{e}/occupations/{o}/marks with the judge's token. When a gateway cannot be
/// reached or does not answer in time, the next send goes to the other gateway (a tablet behind a
/// load balancer); a refusal with a status keeps the gateway.
/// </summary>
public sealed class RestMarkChannel(GatewayApi api, JudgeSeat seat, TimeSpan callTimeout) : IMarkChannel
{
    private int _gateway = seat.HomeGateway;

    public Uri Gateway => api.Gateways[_gateway];

    public async Task<Attempt> SubmitAsync(MarkRecord mark, CancellationToken cancel)
    {
        var path = $"{api.EditionPath}/occupations/{Uri.EscapeDataString(mark.Occupation)}/marks";
        var body = new { idempotencyKey = mark.Key, contestantId = mark.ContestantId, criterionId = mark.CriterionId, value = mark.Value };
        try
        {
            var response = await api.SendAsync(HttpMethod.Post, Gateway, path, seat.Token, body, callTimeout, cancel);
            if (response.Status == 200 && response.Body is { } outcome)
                return outcome.Bool("accepted")
                    ? Attempt.Acknowledged(outcome.Long("version"))
                    : Attempt.Rejected($"200 but not accepted: {ApiException.Shorten(response.Text)}");
            if (response.Status == 503 && response.Code == "ClusterUnavailable" && response.Retryable)
                return Attempt.Failed(FailureClass.Retryable, $"{response.Describe()}: {Short(response.Detail)}");
            if (response.Status >= 500 || response.Status == 429)
                return Attempt.Failed(FailureClass.ServerError, $"{response.Describe()}: {Short(response.Detail ?? Title(response) ?? response.Text)}");
            return Attempt.Rejected($"{response.Describe()}: {Short(response.Detail)}");
        }
        catch (HttpRequestException e)
        {
            Next();
            return Attempt.Failed(FailureClass.Connection, $"REST {e.HttpRequestError}: {Short(e.InnerException?.Message ?? e.Message)}");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            Next();
            return Attempt.Failed(FailureClass.NoAnswer, $"REST no answer within {callTimeout.TotalSeconds:F0}s");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Next() => _gateway = (_gateway + 1) % api.Gateways.Count;

    private static string? Title(ApiResponse r) => r.Body?.String("title");

    internal static string Short(string? text)
    {
        text = (text ?? "").ReplaceLineEndings(" ");
        // Host:port pairs differ between gateways and runs; they would split one kind of error into many rows.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"127\.0\.0\.1:\d+", "127.0.0.1:PORT");
        return text.Length <= 110 ? text : text[..110] + "…";
    }
}
