using Microsoft.Playwright;
using TakedownDesk.Application.Common;

namespace TakedownDesk.BrowserTests;

/// <summary>
/// A supervisor finds a caseworker's case from the header's search (the URL as it was pasted), opens its custody screen,
/// sees who opened it, and erases the victim only once the reference is typed. Screenshots of both screens.
/// </summary>
public sealed class SupervisorJourneyTests
{
    [Fact]
    public async Task A_supervisor_finds_a_case_by_its_url_reads_its_access_history_and_erases_it_after_typing_the_reference()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (caseworker, caseworkerKey) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var (supervisor, supervisorKey) = await app.CreateEnrolledUserAsync(StaffRoles.Supervisor);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CaseworkerJourneyTests.ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, caseworker, caseworkerKey, DateTimeOffset.UtcNow);
        await CaseworkerJourneyTests.OpenCaseAndCompleteARequestAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, supervisor, supervisorKey, DateTimeOffset.UtcNow);
        await page.GetByLabel("Search cases and requests").FillAsync("https://x.com/someone/status/1234567890");
        await page.GetByLabel("Search cases and requests").PressAsync("Enter");
        var results = page.Locator("#search-results");
        await Assertions.Expect(results).ToContainTextAsync("A location's URL");
        await Assertions.Expect(results).ToContainTextAsync("Robin-7731");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "search.png"), FullPage = true });
        var reference = await results.Locator("tbody tr td a").First.InnerTextAsync();
        await results.Locator("tbody tr td a").First.ClickAsync();

        await page.Locator("#custody-link").ClickAsync();
        await Assertions.Expect(page.Locator("#access-history")).ToContainTextAsync("Sam Caseworker");
        await Assertions.Expect(page.Locator("#access-history")).ToContainTextAsync("Open case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase the victim" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Type the case reference {reference} to confirm the erasure. Nothing was erased.").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-custody.png"), FullPage = true });

        await page.GetByLabel($"To confirm, type the case reference ({reference})").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase the victim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#erased")).ToContainTextAsync("Erased: 1 case(s), 2 location(s), 1 request(s)");
    }
}
