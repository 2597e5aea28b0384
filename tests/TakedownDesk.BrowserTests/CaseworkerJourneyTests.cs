using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.BrowserTests;

/// <summary>A caseworker's main journey in headless Chromium, with no JavaScript needed by the pages.</summary>
public sealed class CaseworkerJourneyTests
{
    internal static readonly string[] ChromiumArgs =
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

        await SignInAsync(page, baseUrl, email, key, DateTimeOffset.UtcNow);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline board" })).ToBeVisibleAsync();

        var reference = await OpenCaseAndSubmitARequestAsync(page);

        // The deadline board shows it with its deadline.
        await page.GetByRole(AriaRole.Link, new() { Name = "Deadlines" }).ClickAsync();
        var within48Hours = page.Locator("#within-48h");
        await Assertions.Expect(within48Hours).ToContainTextAsync(reference);
        await Assertions.Expect(within48Hours).ToContainTextAsync("X (formerly Twitter)");
        await Assertions.Expect(within48Hours).ToContainTextAsync("in 1 d 23 h");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "deadline-board.png"), FullPage = true });

        await within48Hours.GetByRole(AriaRole.Link, new() { Name = reference[..^3], Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#requests")).ToContainTextAsync("Submitted");
        await page.Locator("#show-confidential").ClickAsync();
        await Assertions.Expect(page.Locator("#confidential")).ToContainTextAsync("Marker Legalname");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-page.png"), FullPage = true });
    }

    [Fact]
    public async Task A_request_past_its_deadline_gets_its_follow_up_drafted_sent_by_email_the_next_level_due_and_the_ftc_pack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var smtp = SmtpTestServer.Start();
        await using var app = new BrowserApp(time, smtp.Settings);
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        await GiveXAnEmailLevelAsync(app);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');
        await SignInAsync(page, baseUrl, email, key, time.GetUtcNow());
        var reference = await OpenCaseAndSubmitARequestAsync(page);

        // The platform lets the 48 hours pass: the desk drafts the follow-up through the form the request used.
        time.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));
        await app.RunAsync(new ExecuteDueEscalationsCommand());
        await context.ClearCookiesAsync();
        await SignInAsync(page, baseUrl, email, key, time.GetUtcNow());
        var ready = page.Locator("#ready-to-send");
        await Assertions.Expect(ready).ToContainTextAsync(reference);
        await Assertions.Expect(ready).ToContainTextAsync("Ready to send");
        await ready.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        var first = page.Locator("#follow-up-0");
        await Assertions.Expect(first).ToContainTextAsync("Ready to send");
        await Assertions.Expect(first.Locator("textarea")).ToContainTextAsync("Overdue by");
        await Assertions.Expect(first.Locator("textarea")).ToContainTextAsync("X-CONF-1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "follow-up-ready.png"), FullPage = true });
        await first.GetByLabel("Form confirmation").FillAsync("X-FOLLOW-1");
        await first.GetByRole(AriaRole.Button, new() { Name = "Record submission" }).ClickAsync();
        await Assertions.Expect(page.Locator("#follow-up-0 .follow-up-state")).ToHaveTextAsync("Sent");
        await Assertions.Expect(page.Locator("#next-level")).ToContainTextAsync("Level 2 falls due");

        // That goes unanswered too: the next level, an e-mail contact, is due; one confirmed action sends it.
        time.Advance(TimeSpan.FromHours(48));
        await app.RunAsync(new ExecuteDueEscalationsCommand());
        await context.ClearCookiesAsync();
        await SignInAsync(page, baseUrl, email, key, time.GetUtcNow());
        await page.Locator("#ready-to-send").GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        var second = page.Locator("#follow-up-1");
        await Assertions.Expect(second).ToContainTextAsync(LegalAddress);
        await second.GetByRole(AriaRole.Button, new() { Name = "Send by e-mail" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary-errors, .errors, [role=alert]").First).ToContainTextAsync("Tick the confirmation");
        await page.Locator("#follow-up-1").GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.Locator("#follow-up-1").GetByRole(AriaRole.Button, new() { Name = "Send by e-mail" }).ClickAsync();
        await Assertions.Expect(page.Locator("#follow-up-1")).ToContainTextAsync("In the outbox");
        await app.RunAsync(new DispatchOutboxCommand());
        var mail = Assert.Single(smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == LegalAddress));
        Assert.Contains(reference, mail.Subject, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#follow-up-1 .follow-up-state")).ToHaveTextAsync("Sent");
        await Assertions.Expect(page.Locator("#follow-up-1")).ToContainTextAsync(mail.MessageId!);
        await Assertions.Expect(page.Locator("#next-level")).ToContainTextAsync("Level 3 falls due");

        // A day after the deadline the FTC pack was prepared from the case.
        await Assertions.Expect(page.Locator("#ftc-state")).ToContainTextAsync("Ready to file");
        var pack = await page.Locator("#ftc").GetByRole(AriaRole.Link, new() { Name = "Report (PDF)" }).GetAttributeAsync("href");
        var response = await context.APIRequest.GetAsync(baseUrl + pack);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "escalation.png"), FullPage = true });
    }

    private const string LegalAddress = "legal@x-platform.example";

    /// <summary>X's path for the ladder test: its form, then a trust-and-safety address after 48 hours, then search delisting.</summary>
    private static async Task GiveXAnEmailLevelAsync(BrowserApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var x = await db.Platforms.SingleAsync(p => p.Slug == "x");
        x.Edit(x.Profile with
        {
            EscalationPath =
            [
                new EscalationContact(EscalationContactRole.DesignatedChannel, ChannelKind.WebForm, "https://help.x.com/forms/safety-and-sensitive-content/take-it-down", "The form", 0, true),
                new EscalationContact(EscalationContactRole.TrustAndSafety, ChannelKind.Email, LegalAddress, "Legal", 48, false),
                new EscalationContact(EscalationContactRole.SearchDelisting, ChannelKind.WebForm, "https://support.google.com/websearch/answer/6302812", "Delisting", 24, true),
            ],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Password, then a code computed from the shared secret at <paramref name="now"/> (the app's clock).</summary>
    internal static async Task SignInAsync(IPage page, string baseUrl, string email, string key, DateTimeOffset now)
    {
        await page.GotoAsync(baseUrl + "/");
        Assert.Contains("/Account/SignIn", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.Code(key, Totp.TimeStepAt(now)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>A new case from pasted URLs, a request to X drafted, completed and submitted; returns the request's reference.</summary>
    private static async Task<string> OpenCaseAndSubmitARequestAsync(IPage page)
    {
        await OpenCaseAndCompleteARequestAsync(page);

        await page.GetByLabel("Why this is the platform's designated process").FillAsync("The platform's published Take It Down Act form");
        await page.GetByLabel("Confirmation number shown by the platform (evidence)").FillAsync("X-CONF-1");

        // Enter in a text field submits the form, but without the confirmation it must not start the legal clock.
        await page.GetByLabel("Confirmation number shown by the platform (evidence)").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary").GetByRole(AriaRole.Link)).ToContainTextAsync("Tick the box to confirm the request was sent");
        await Assertions.Expect(page.Locator("#request-status")).Not.ToHaveTextAsync("Submitted");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots", "submission-needs-confirmation.png"), FullPage = true });

        await page.GetByLabel("Why this is the platform's designated process").FillAsync("The platform's published Take It Down Act form");
        await page.GetByLabel("Confirmation number shown by the platform (evidence)").FillAsync("X-CONF-1");
        await page.GetByLabel("I sent this request at the time above: record it and start the 48-hour clock").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record submission (starts the 48-hour clock)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.Locator("#deadline")).ToContainTextAsync("Statutory deadline");
        return (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(' ').First(w => w.StartsWith("TD-", StringComparison.Ordinal));
    }

    /// <summary>A new case from pasted URLs, and a request to X drafted with every statutory element: ready to be sent.</summary>
    internal static async Task OpenCaseAndCompleteARequestAsync(IPage page)
    {
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
    }
}
