using System.Net;
using System.Net.Http.Json;
using Craftsman.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Craftsman.Gateway.Tests.Auth;

/// <summary>Behind a configured reverse proxy the sign-in throttle counts each client, not the proxy.</summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.2";

    // The test server has no socket: every request here arrives "from" the proxy's address.
    private readonly GatewayFactory _factory = new(GatewayFactory.NewDatabasePath(), b => b
        .UseSetting("Craftsman:ForwardedHeaders:KnownProxies:0", Proxy)
        .UseSetting("Craftsman:Auth:SignInFailuresAllowed", "2")
        .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromProxy())));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FailuresBehindTheProxyAreCountedPerForwardedClient()
    {
        var http = _factory.CreateClient();

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(http, "192.168.1.21")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(http, "192.168.1.21")).StatusCode);

        // Another tablet behind the same proxy is not locked out by its neighbour's mistakes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(http, "192.168.1.22")).StatusCode);
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient http, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/judge") { Content = JsonContent.Create(new { accessCode = "WRNG-WRNG-WRNG" }) };
        request.Headers.Add("X-Forwarded-For", client);
        return http.SendAsync(request);
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, go) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return go(context);
            });
            next(app);
        };
    }
}
