using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Craftsman.Browser.Tests.Support;
using Craftsman.Tests.Shared;
using Xunit.Abstractions;

namespace Craftsman.Browser.Tests;

/// <summary>An edition that is not the sample, on the pages: the QR link signs a judge in, the pages open on the current edition, and every page fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VenueTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task The_QR_link_of_a_generated_edition_signs_its_judge_in_and_the_board_opens_on_the_current_edition()
    {
        await using var gateway = GatewayServer.Start();
        using var http = await Organiser(gateway);
        await ImportGeneratedAndMakeCurrent(http);
        var occupation = GeneratedEdition.LiftRepair;
        var cards = await Json(await http.PostAsJsonAsync($"api/editions/{GeneratedEdition.Id}/access-codes", new { occupation = occupation.Code }));
        foreach (var phase in new[] { "checkIn", "live" })
        {
            if (phase == "live")
                (await http.PostAsync($"api/editions/{GeneratedEdition.Id}/occupations/{occupation.Code}/check-in-all", null)).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync($"api/editions/{GeneratedEdition.Id}/occupations/{occupation.Code}/phase", new { phase })).EnsureSuccessStatusCode();
        }

        // The link printed on the card and in its QR code: this server's address, the tablet page, the code in the fragment.
        var card = cards.EnumerateArray().First(c => c.GetProperty("judgeId").GetString() == occupation.Judges[0]);
        var link = new Uri(card.GetProperty("signInUrl").GetString()!);
        Assert.Equal(gateway.BaseUri.Authority, link.Authority);
        Assert.Equal("/judge/", link.AbsolutePath);
        Assert.Equal($"#code={Uri.EscapeDataString(card.GetProperty("code").GetString()!)}", link.Fragment);

        await using var tabletContext = await browser.Tablet();
        var tablet = (await tabletContext.NewPageAsync()).Watch(output, "tablet");
        await tablet.GotoAsync(link.ToString());
        await Expect(tablet.Locator($"form[data-criterion='{occupation.Criteria[0].Id}']").First).ToBeVisibleAsync();
        Assert.DoesNotContain("#code", tablet.Url);

        // No ?edition= at all: the board opens on the edition marked current, and offers the other.
        await using var desktop = await browser.Desktop();
        var board = (await desktop.NewPageAsync()).Watch(output, "board");
        await board.GotoAsync(gateway.Url("/board/"));
        await Expect(board.Locator("#overview > li")).ToHaveCountAsync(GeneratedEdition.Occupations.Count);
        await Expect(board.Locator("#edition-pick option")).ToHaveCountAsync(2);
        await board.Locator("#edition-pick").SelectOptionAsync("2020");
        await Expect(board.Locator("#overview > li")).ToHaveCountAsync(30);
        Assert.Contains("edition=2020", board.Url);
    }

    [Fact]
    public async Task Every_page_fits_a_390px_phone_in_both_languages()
    {
        await using var gateway = GatewayServer.Start();
        using var http = await Organiser(gateway);
        var codes = (await Json(await http.PostAsJsonAsync("api/editions/2020/access-codes", new { occupation = "cnc-lathe" })))
            .EnumerateArray().ToDictionary(c => c.GetProperty("judgeId").GetString()!, c => c.GetProperty("code").GetString()!);
        foreach (var phase in new[] { "checkIn", "live" })
        {
            if (phase == "live")
                (await http.PostAsync("api/editions/2020/occupations/cnc-lathe/check-in-all", null)).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("api/editions/2020/occupations/cnc-lathe/phase", new { phase })).EnsureSuccessStatusCode();
        }

        var tooWide = new List<string>();
        foreach (var lang in new[] { "zh", "en" })
        {
            await using var context = await browser.Phone();
            var page = (await context.NewPageAsync()).Watch(output, $"phone-{lang}");
            async Task Check(string what, string path, string ready)
            {
                await page.GotoAsync(gateway.Url(path));
                await Expect(page.Locator(ready).First).ToBeVisibleAsync();
                await Measure(what);
            }
            async Task Measure(string what)
            {
                var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (width > PhoneWidth)
                    tooWide.Add($"{what} ({lang}): {width} px; reaching past the edge: " + await page.EvaluateAsync<string>(WidestElements));
            }

            await Check("home", $"/?lang={lang}", ".tiles a");
            await Check("judge sign-in", $"/judge/?lang={lang}", "#code");
            await Check("judge marking", $"/judge/?lang={lang}#code={codes["J014"]}", "form[data-criterion='P3']");
            await Check("chief judge", $"/judge/?lang={lang}#code={codes["J013"]}", "section.sheet");
            await Check("leaderboard", $"/board/?lang={lang}&edition=2020&occupation=cnc-lathe", ".standings tbody tr");
            await Check("overview", $"/board/?lang={lang}&edition=2020", "#overview > li");
            await Check("big screen", $"/board/?lang={lang}&edition=2020&screen=big&interval=600", ".standings tbody tr");
            await Check("arena", $"/arena/?lang={lang}&edition=2020&occupation=cnc-lathe", ".arena-card");
            await Check("console sign-in", $"/console/?lang={lang}", "#password");
            await page.Locator("#password").FillAsync(GatewayServer.OrganiserPassword);
            await page.Locator("#password").PressAsync("Enter");
            await Expect(page.Locator("#panel-import")).ToBeVisibleAsync();
            await Measure("console import");
            foreach (var tab in new[] { "rounds", "codes", "boards", "round", "exports" })
            {
                await page.Locator($"#tab-{tab}").ClickAsync();
                await Expect(page.Locator($"#panel-{tab}")).ToBeVisibleAsync();
                if (tab == "rounds")
                    await Expect(page.Locator("#rounds tr[data-occupation='cnc-lathe']")).ToBeVisibleAsync();
                await Measure($"console {tab}");
            }
        }

        Assert.True(tooWide.Count == 0, $"Wider than a {PhoneWidth} px phone:\n" + string.Join("\n", tooWide));
    }

    /// <summary>The innermost elements that reach past the phone's edge, to name in the failure.</summary>
    private const string WidestElements = """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > 391 && ![...e.children].some(c => c.getBoundingClientRect().right > 391))
          .slice(0, 4)
          .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} (${Math.round(e.getBoundingClientRect().right)})`)
          .join(', ')
        """;

    private static async Task<HttpClient> Organiser(GatewayServer gateway)
    {
        var http = new HttpClient { BaseAddress = gateway.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        var signedIn = await Json(await http.PostAsJsonAsync("api/auth/organiser", new { password = GatewayServer.OrganiserPassword }));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn.GetProperty("token").GetString());
        return http;
    }

    private static async Task ImportGeneratedAndMakeCurrent(HttpClient http)
    {
        (await http.PostAsJsonAsync($"api/editions/{GeneratedEdition.Id}/import", GeneratedEdition.Document())).EnsureSuccessStatusCode();
        (await http.PostAsync($"api/editions/{GeneratedEdition.Id}/current", null)).EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
