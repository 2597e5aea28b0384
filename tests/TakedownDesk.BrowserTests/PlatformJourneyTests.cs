using Microsoft.Playwright;
using TakedownDesk.Application.Common;

namespace TakedownDesk.BrowserTests;

/// <summary>
/// A caseworker reads the platform's process on the request page and follows it to the platform's page; an administrator
/// edits the platform with the structured form, one refused save keeping what was typed. axe-core checks each screen.
/// </summary>
public sealed class PlatformJourneyTests
{
    [Fact]
    public async Task A_caseworker_follows_the_platforms_process_to_its_page_and_an_administrator_edits_it_with_the_structured_form()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (caseworker, caseworkerKey) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var (administrator, administratorKey) = await app.CreateEnrolledUserAsync(StaffRoles.Administrator);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CaseworkerJourneyTests.ChromiumArgs });

        // The pages need no JavaScript; axe-core does, so this journey runs with it on.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, caseworker, caseworkerKey, DateTimeOffset.UtcNow);
        await CaseworkerJourneyTests.OpenCaseAndCompleteARequestAsync(page);

        var process = page.Locator("#platform-process");
        await Assertions.Expect(process.GetByRole(AriaRole.Heading, new() { Name = "How to send it to X (formerly Twitter)" })).ToBeVisibleAsync();
        var form = process.Locator("a.channel-link");
        await Assertions.Expect(form).ToHaveAttributeAsync("href", "https://help.x.com/forms/safety-and-sensitive-content/take-it-down");
        await Assertions.Expect(form).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Assertions.Expect(process.Locator("ol.steps li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Form address or e-mail address used")).ToHaveValueAsync("https://help.x.com/forms/safety-and-sensitive-content/take-it-down");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "request-page.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.Locator("#platform-detail-link").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("X (formerly Twitter)");
        await Assertions.Expect(page.Locator("#platform-coverage")).ToHaveTextAsync("Covered by the Act");
        var detail = page.Url;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "platform-detail.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, administrator, administratorKey, DateTimeOffset.UtcNow);
        await page.GotoAsync(detail);
        await page.Locator("#edit-platform").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(string.Empty);
        await page.Locator("#Form_Channels_1__Target").FillAsync("help.x.com/forms/take-it-down");
        await page.GetByLabel("Warnings staff must read before sending (one per line)").FillAsync("Outcome notices name the reporter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another channel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Form_Channels_3__Target")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Form_Channels_1__Target")).ToHaveValueAsync("help.x.com/forms/take-it-down");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the platform's name.");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the web form's full address, starting with https://");
        await Assertions.Expect(page.Locator("#Form_Channels_1__Target")).ToHaveValueAsync("help.x.com/forms/take-it-down");
        await Assertions.Expect(page.GetByLabel("Warnings staff must read before sending (one per line)")).ToHaveValueAsync("Outcome notices name the reporter.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "platform-edit.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("X (formerly Twitter)");
        await page.Locator("#Form_Channels_1__Target").FillAsync("https://help.x.com/forms/safety-and-sensitive-content/take-it-down");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#platform-warnings")).ToContainTextAsync("Outcome notices name the reporter.");
        await Assertions.Expect(page.Locator("#platform-verification")).ToContainTextAsync("Unverified");
    }
}
