namespace Craftsman.Browser.Tests.Support;

/// <summary>
/// One headless Debian Chromium for the whole suite, driven by Playwright. Never a downloaded
/// browser: the flags are the ones this closed network needs (no background connections to
/// Google's services, no QUIC, no sandbox as root).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. The browser tests drive Debian's Chromium: apt-get install -y chromium fonts-noto-cjk");
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A 10-inch tablet in landscape (the judges' devices).</summary>
    public Task<IBrowserContext> Tablet() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        HasTouch = true,
        Locale = "zh-CN",
    });

    /// <summary>A 1080p screen (hall screens, the stream, the organiser's desk).</summary>
    public Task<IBrowserContext> FullHd() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        Locale = "zh-CN",
    });

    public Task<IBrowserContext> Desktop() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "zh-CN",
    });

    public Task<IBrowserContext> Phone() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
    });
}

/// <summary>All browser tests share one Chromium and run one at a time, so timings do not compete.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
