using System.Globalization;
using Microsoft.Playwright;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.BrowserTests;

/// <summary>
/// A real case: 200 locations on 6 platforms, worked with the keyboard only. The case page groups them by platform, drafts
/// a request for every location on one platform from that group, shows which request covers each location, never
/// scrolls sideways, and every page on the way passes axe-core (0 critical, 0 serious). Screenshots of the board, the
/// 200-location case page and the request page.
/// </summary>
public sealed class CaseAtScaleJourneyTests
{
    private static readonly (string Platform, string UrlFormat, int Count)[] Spread =
    [
        ("X (formerly Twitter)", "https://x.com/poster{0}/status/{0}00", 60),
        ("Reddit", "https://www.reddit.com/r/some{0}/comments/{0}ab/", 45),
        ("Discord", "https://discord.com/channels/123/456/{0}", 35),
        ("TikTok", "https://www.tiktok.com/@poster{0}/video/{0}11", 25),
        ("Telegram", "https://t.me/channel{0}/{0}", 20),
        ("OnlyFans", "https://onlyfans.com/{0}/poster{0}", 15),
    ];

    [Fact]
    public async Task A_caseworker_works_a_200_location_case_on_6_platforms_with_the_keyboard_and_every_page_passes_axe()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CaseworkerJourneyTests.ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');

        await SignInWithTheKeyboardAsync(page, baseUrl, email, key);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline board" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await OpenTheCaseWithTheKeyboardAsync(page);
        var caseUrl = page.Url;
        await Assertions.Expect(page.Locator("#case-summary")).ToContainTextAsync("200 locations");
        var groups = page.Locator("fieldset.platform-group");
        await Assertions.Expect(groups).ToHaveCountAsync(Spread.Length);
        foreach (var (platform, _, count) in Spread)
        {
            await Assertions.Expect(groups.Filter(new() { HasText = platform }).Locator("legend")).ToContainTextAsync($"{count} locations");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The case page scrolls sideways.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-200-locations.png"), FullPage = true });

        // A draft with nothing chosen: the error summary takes the focus and links to the field.
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Draft a removal request for the chosen locations" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Choose the platform to send the request to.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Every location on Reddit in one request, from its group, with the keyboard.
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Draft a request to Reddit for every location on it not yet requested" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("-R1");
        var request = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ').First(w => w.StartsWith("TD-", StringComparison.Ordinal));
        Assert.Equal(45, await page.GetByText("https://www.reddit.com/r/some", new() { Exact = false }).CountAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "request-page-45-locations.png"), FullPage = true });

        // Back on the case, each Reddit location names the request that covers it; the others none yet.
        await page.GotoAsync(caseUrl);
        var reddit = groups.Filter(new() { HasText = "Reddit ·" });
        await Assertions.Expect(reddit.GetByRole(AriaRole.Link, new() { Name = request })).ToHaveCountAsync(45);
        await Assertions.Expect(groups.Filter(new() { HasText = "Discord ·" }).GetByText("No request yet")).ToHaveCountAsync(35);
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Deadlines" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline board" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "deadline-board-keyboard.png"), FullPage = true });
    }

    private static async Task SignInWithTheKeyboardAsync(IPage page, string baseUrl, string email, string key)
    {
        await page.GotoAsync(baseUrl + "/");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Email"), email);
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Password"), BrowserApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("6-digit code from your authenticator app")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("6-digit code from your authenticator app"), Totp.Code(key, Totp.TimeStepAt(DateTimeOffset.UtcNow)));
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task OpenTheCaseWithTheKeyboardAsync(IPage page)
    {
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "New case" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Pseudonym (shown everywhere)")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Pseudonym (shown everywhere)"), "Wren-2040");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Signed by"), "Wren Example");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Description"), "Deepfakes reposted across six services");
        var urls = Spread.SelectMany(platform => Enumerable.Range(1, platform.Count).Select(n => string.Format(CultureInfo.InvariantCulture, platform.UrlFormat, n)));
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Paste URLs, one per line (do not open them)"), string.Join('\n', urls));
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Open case" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#accepted")).ToContainTextAsync("OnlyFans");
        await Accessibility.TabToAsync(page, page.Locator("#go-to-case"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#case-summary")).ToBeVisibleAsync();
    }
}
