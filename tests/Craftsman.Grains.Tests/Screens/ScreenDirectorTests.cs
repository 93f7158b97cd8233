using Craftsman.Contracts.Screens;
using Craftsman.Grains.Tests.Support;

namespace Craftsman.Grains.Tests.Screens;

[Collection(ClusterCollection.Name)]
public sealed class ScreenDirectorTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private sealed class Recorder : IScreenObserver
    {
        public TaskCompletionSource<ScreenDirection> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ScreenDirected(ScreenDirection direction)
        {
            Next.TrySetResult(direction);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task NewScreenShowsWelcomeAndKeepsWhatItWasDirectedToShow()
    {
        var director = _grains.GetGrain<IScreenDirectorGrain>(TestEditions.NewId());

        var first = await director.Register("Hall-A");
        await director.Direct("hall-a", new ScreenShow(ScreenContent.Board, "cnc-lathe"));
        var again = await director.Register("Hall-A");

        Assert.Equal(ScreenShow.Welcome, first.Direction?.Show);
        Assert.Equal(new ScreenShow(ScreenContent.Board, "cnc-lathe"), again.Direction?.Show);
        Assert.Equal("Hall-A", Assert.Single(await director.GetScreens()).ScreenName);
    }

    [Fact]
    public async Task SubscribedGatewayHearsEachDirectionWithAGrowingVersion()
    {
        var director = _grains.GetGrain<IScreenDirectorGrain>(TestEditions.NewId());
        var recorder = new Recorder();
        var reference = _grains.CreateObjectReference<IScreenObserver>(recorder);
        await director.Subscribe(reference);
        var before = (await director.Register("Hall-A")).Direction!.Version;

        var directed = await director.Direct("Hall-A", new ScreenShow(ScreenContent.Rotation, null, 20));
        var heard = await recorder.Next.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(directed.Direction, heard);
        Assert.True(heard.Version > before);
        Assert.Equal(20, heard.Show.IntervalSeconds);
        _grains.DeleteObjectReference<IScreenObserver>(reference);
    }

    [Fact]
    public async Task InvalidDirectionIsRefusedAndTheScreenKeepsItsShow()
    {
        var director = _grains.GetGrain<IScreenDirectorGrain>(TestEditions.NewId());
        await director.Direct("Hall-A", new ScreenShow(ScreenContent.Overview));

        var refused = await director.Direct("Hall-A", new ScreenShow(ScreenContent.Arena));
        var badName = await director.Register("Hall A");

        Assert.Equal(ScreenRefusalCode.OccupationRequired, refused.Refusal?.Code);
        Assert.Equal(ScreenRefusalCode.ScreenNameInvalid, badName.Refusal?.Code);
        Assert.Equal(ScreenContent.Overview, Assert.Single(await director.GetScreens()).Show.Content);
    }
}
