using System.Diagnostics;
using System.Net;
using Craftsman.Gateway.Tests.Support;
using Xunit.Abstractions;

namespace Craftsman.Gateway.Tests.Auth;

/// <summary>Revoking or re-issuing a code ends its sessions at once: REST, new hub connections and open ones.</summary>
public sealed class RevocationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly GatewayFactory _factory = new();
    private GatewayClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new GatewayClient(_factory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task RevokedCodesTokenIsRefusedOnRestAndHubAndItsOpenConnectionCloses()
    {
        var token = await _client.JudgeToken("J014");
        var bystander = await _client.JudgeToken("J015");
        Assert.Equal(HttpStatusCode.OK, (await SessionProbe.Rest(_factory, token)).Status);
        var (connection, closed) = await SessionProbe.Open(_factory, token);
        var (_, bystanderClosed) = await SessionProbe.Open(_factory, bystander);

        var organiser = await _client.Organiser();
        var since = Stopwatch.StartNew();
        (await organiser.DeleteAsync($"/api/editions/{GatewayClient.Edition}/access-codes/J014")).EnsureSuccessStatusCode();

        Assert.Equal((HttpStatusCode.Unauthorized, "SessionRevoked"), await SessionProbe.Rest(_factory, token));
        output.WriteLine($"open connection closed {(await SessionProbe.WaitClosed(closed, since)).TotalMilliseconds:F0} ms after the revoke");
        var again = new GatewayClient(_factory).Hub("/hubs/judging", token);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => again.StartAsync());
        Assert.Contains("401", refused.Message);
        Assert.False(connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        // Another judge's session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await SessionProbe.Rest(_factory, bystander)).Status);
        Assert.False(bystanderClosed.IsCompleted);
    }

    [Fact]
    public async Task ReissuedCodeEndsTheSessionOfTheOldOneWhileTheNewCodeSignsIn()
    {
        var old = await _client.JudgeToken("J014");
        var (_, closed) = await SessionProbe.Open(_factory, old);
        var since = Stopwatch.StartNew();

        await _client.IssueCodes();

        Assert.Equal((HttpStatusCode.Unauthorized, "SessionRevoked"), await SessionProbe.Rest(_factory, old));
        output.WriteLine($"open connection closed {(await SessionProbe.WaitClosed(closed, since)).TotalMilliseconds:F0} ms after the re-issue");
        var fresh = await _client.JudgeToken("J014");
        Assert.Equal(HttpStatusCode.OK, (await SessionProbe.Rest(_factory, fresh)).Status);
    }

    [Fact]
    public async Task OrganiserTokenIsNotAffectedByRevokingCodes()
    {
        var organiser = await _client.Organiser();
        await _client.JudgeToken("J014");
        (await organiser.DeleteAsync($"/api/editions/{GatewayClient.Edition}/access-codes/J014")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(SessionProbe.LiveBoard)).StatusCode);
    }
}
