using Craftsman.Gateway.Tests.Support;

namespace Craftsman.Gateway.Tests.Selection;

/// <summary>One gateway with the sample edition for the open-call, schedule and screen tests; each test uses its own occupation or screen.</summary>
public sealed class SelectionGatewayFixture : IAsyncLifetime
{
    public GatewayFactory Factory { get; } = new();

    public GatewayClient Client { get; private set; } = null!;

    public HttpClient Organiser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = new GatewayClient(Factory);
        Organiser = await Client.Organiser();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
