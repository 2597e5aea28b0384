using Microsoft.Playwright;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.BrowserTests;

/// <summary>A caseworker's main journey in headless Chromium, with no JavaScript needed by the pages.</summary>
public sealed class CaseworkerJourneyTests
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    [Fact]
    public async Task Sign_in_open_a_case_from_pasted_urls_draft_complete_and_submit_a_request_and_see_it_on_the_deadline_board()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');

        // Sign in: password, then a code computed from the shared secret.
        await page.GotoAsync(baseUrl + "/");
        Assert.Contains("/Account/SignIn", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.Code(key, Totp.TimeStepAt(DateTimeOffset.UtcNow)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline board" })).ToBeVisibleAsync();

        // A new case in one flow, pasting several lines.
        await page.GetByRole(AriaRole.Link, new() { Name = "New case" }).ClickAsync();
        await page.GetByLabel("Pseudonym (shown everywhere)").FillAsync("Robin-7731");
        await page.GetByLabel("Legal name (confidential, optional)").FillAsync("Marker Legalname");
        await page.GetByLabel("Signed by").FillAsync("Marker Legalname");
        await page.GetByLabel("Description").FillAsync("Deepfake posted after a breakup");
        await page.GetByLabel("Paste URLs, one per line (do not open them)").FillAsync(
            "https://x.com/someone/status/1234567890\nhttps://cdn.discordapp.com/attachments/1/2/clip.mp4\nnot a url");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await Assertions.Expect(page.Locator("#accepted")).ToContainTextAsync("X (formerly Twitter)");
        await Assertions.Expect(page.Locator("#accepted")).ToContainTextAsync("Discord");
        await Assertions.Expect(page.Locator("#rejected")).ToContainTextAsync("not a url");
        await page.Locator("#go-to-case").ClickAsync();

        // Choose a location and the platform, draft the request.
        await page.GetByLabel("https://x.com/someone/status/1234567890").CheckAsync();
        await page.GetByLabel("Send to platform").SelectOptionAsync(new SelectOptionValue { Label = "X (formerly Twitter)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a removal request" }).ClickAsync();

        // The validity check lists the missing statutory elements.
        var missing = page.Locator("#missing-elements");
        await Assertions.Expect(missing).ToContainTextAsync("signature", new() { IgnoreCase = true });
        await Assertions.Expect(missing).ToContainTextAsync("good", new() { IgnoreCase = true });
        await Assertions.Expect(missing).ToContainTextAsync("contact", new() { IgnoreCase = true });

        await page.GetByLabel("Signature: signed name").FillAsync("Alex Advocate");
        await page.GetByLabel("Authority to act (for an authorized person)").FillAsync("Written release signed by the depicted person");
        await page.GetByLabel("Good-faith statement that the depiction is not consensual").FillAsync(
            "I have a good-faith belief that this intimate depiction was published without consent.");
        await page.GetByLabel("Contact name").FillAsync("Alex Advocate");
        await page.GetByLabel("Contact email").FillAsync("advocate@helpline.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save elements" }).ClickAsync();
        await Assertions.Expect(page.Locator("#complete")).ToBeVisibleAsync();

        await page.GetByLabel("Why this is the platform's designated process").FillAsync("The platform's published Take It Down Act form");
        await page.GetByLabel("Confirmation number shown by the platform (evidence)").FillAsync("X-CONF-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record submission (starts the 48-hour clock)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.Locator("#deadline")).ToContainTextAsync("in 1 d 23 h");
        var reference = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ').First(w => w.StartsWith("TD-", StringComparison.Ordinal));

        // The deadline board shows it with its deadline.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deadlines" }).ClickAsync();
        var later = page.Locator("#later");
        await Assertions.Expect(later).ToContainTextAsync(reference);
        await Assertions.Expect(later).ToContainTextAsync("X (formerly Twitter)");
        await Assertions.Expect(later).ToContainTextAsync("in 1 d 23 h");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "deadline-board.png"), FullPage = true });

        await later.GetByRole(AriaRole.Link, new() { Name = reference[..^3], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#requests")).ToContainTextAsync("Submitted");
        await page.Locator("#show-confidential").ClickAsync();
        await Assertions.Expect(page.Locator("#confidential")).ToContainTextAsync("Marker Legalname");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-page.png"), FullPage = true });
    }
}
