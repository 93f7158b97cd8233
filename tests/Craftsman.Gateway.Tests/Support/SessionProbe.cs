using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Craftsman.Gateway.Tests.Support;

/// <summary>What a session's token can still do on one gateway: a REST call, a hub connection, and whether an open one was closed.</summary>
public static class SessionProbe
{
    public const string LiveBoard = $"/api/editions/{GatewayClient.Edition}/occupations/{GatewayClient.Occupation}/live-board";

    public static async Task<(HttpStatusCode Status, string? Code)> Rest(GatewayFactory gateway, string token)
    {
        using var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.GetAsync(LiveBoard);
        var code = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()
            : null;
        return (response.StatusCode, code);
    }

    /// <summary>An open judging-hub connection and a task that completes when it is closed.</summary>
    public static async Task<(HubConnection Connection, Task Closed)> Open(GatewayFactory gateway, string token)
    {
        var connection = new GatewayClient(gateway).Hub("/hubs/judging", token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("GetStatus");
        return (connection, closed.Task);
    }

    /// <summary>Waits for the connection to be closed, with a generous deadline; answers how long it took.</summary>
    public static async Task<TimeSpan> WaitClosed(Task closed, Stopwatch since)
    {
        var done = await Task.WhenAny(closed, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(done == closed, "The revoked session's open connection was not closed.");
        return since.Elapsed;
    }
}
