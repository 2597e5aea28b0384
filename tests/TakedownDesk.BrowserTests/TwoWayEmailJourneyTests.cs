using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MimeKit;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;
using TakedownDesk.Web.Pages;

namespace TakedownDesk.BrowserTests;

/// <summary>
/// Issue 12's journey: a request sent by e-mail from the request page (real SMTP server), the platform's acknowledgment
/// and later its removal confirmation delivered as replies into a real IMAP server (Dovecot), both confirmed by staff
/// in Chromium and recorded at the e-mails' times; unmatched mail waits in the inbox; a second read takes nothing twice.
/// </summary>
public sealed class TwoWayEmailJourneyTests
{
    private const string Designated = "takeitdown@x.example";

    [Fact]
    public async Task A_request_sent_by_email_gets_its_acknowledgment_and_removal_replies_confirmed_at_the_emails_times()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var smtp = SmtpTestServer.Start();
        await using var imap = await DovecotServer.StartAsync();
        var settings = smtp.Settings;
        foreach (var (key, value) in imap.Settings)
        {
            settings[key] = value;
        }

        await using var app = new BrowserApp(time, settings);
        app.StartServer();
        var (email, secret) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        await DesignateEmailAsync(app);
        var zone = new StaffTime(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        var reader = app.Services.GetRequiredService<ImapMailboxReader>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CaseworkerJourneyTests.ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, email, secret, time.GetUtcNow());
        await CaseworkerJourneyTests.OpenCaseAndCompleteARequestAsync(page);
        var requestUrl = page.Url;

        // Sending needs the box that names the platform and the address.
        var send = page.Locator("#send-email-form");
        await Assertions.Expect(send).ToContainTextAsync(Designated);
        await send.GetByRole(AriaRole.Button, new() { Name = "Send to X (formerly Twitter) by e-mail" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tick the box that names the platform and the address")).ToBeVisibleAsync();
        Assert.Empty(smtp.Received);
        await page.Locator("#send-confirmed").CheckAsync();
        await page.Locator("#send-email").ClickAsync();
        await Assertions.Expect(page.Locator("#sent-email")).ToContainTextAsync(Designated);
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Ready to submit");

        Assert.Equal(1, (await app.RunAsync(new DispatchOutboxCommand())).Sent);
        var sent = Assert.Single(smtp.Received);
        var submittedAt = time.GetUtcNow();
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.Locator("#sent-email")).ToContainTextAsync(sent.MessageId!);
        Assert.Single(sent.Attachments);

        // The platform acknowledges with its number, in the thread of what the desk sent.
        var acknowledgedAt = submittedAt.AddHours(2).AddMinutes(17);
        await imap.DeliverAsync(Reply(sent, acknowledgedAt, "We have received your report. Your case number: XR-778812."));
        await imap.DeliverAsync(Reply(null, acknowledgedAt, "Our December newsletter", "news@unrelated.example"));
        time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(new MailboxPass(1, 1, 0), await reader.ReadOnceAsync(TestContext.Current.CancellationToken));

        await context.ClearCookiesAsync();
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, email, secret, time.GetUtcNow());
        await page.GotoAsync(requestUrl);
        var acknowledgment = page.Locator("#correspondence article").Nth(0);
        await Assertions.Expect(acknowledgment).ToContainTextAsync("We have received your report");
        await Assertions.Expect(acknowledgment.Locator(".reply-date")).ToHaveTextAsync(zone.Format(acknowledgedAt.UtcDateTime));
        await Assertions.Expect(acknowledgment.Locator(".reply-from")).ToContainTextAsync("support@x.example");
        await Assertions.Expect(acknowledgment.GetByLabel("What the e-mail means")).ToHaveValueAsync("Acknowledgment");
        await Assertions.Expect(acknowledgment.GetByLabel("Platform's number")).ToHaveValueAsync("XR-778812");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "reply-to-confirm.png"), FullPage = true });
        await acknowledgment.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(page.Locator("#submission-heading + p + p")).ToContainTextAsync($"Acknowledged {zone.Format(acknowledgedAt.UtcDateTime)} with platform number XR-778812");

        // A day later the platform confirms the removal.
        var removedAt = submittedAt.AddHours(26);
        await imap.DeliverAsync(Reply(sent, removedAt, "The reported content has been removed from our service."));
        time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(new MailboxPass(1, 0, 0), await reader.ReadOnceAsync(TestContext.Current.CancellationToken));
        await context.ClearCookiesAsync();
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, email, secret, time.GetUtcNow());
        await page.GotoAsync(requestUrl);
        var removal = page.Locator("#correspondence article").Nth(1);
        await Assertions.Expect(removal).ToContainTextAsync("has been removed");
        await Assertions.Expect(removal.GetByLabel("What the e-mail means")).ToHaveValueAsync("Removed");
        await removal.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(page.Locator("#items")).ToContainTextAsync($"Removed on {zone.Format(removedAt.UtcDateTime)}");
        await Assertions.Expect(page.Locator("#correspondence .ok")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "replies-confirmed.png"), FullPage = true });

        // The newsletter waits in the inbox until staff dismiss it; reading the mailbox again takes nothing twice.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        var waiting = page.Locator(".inbox-item");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting).ToContainTextAsync("Our December newsletter");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "inbox.png"), FullPage = true });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(page.Locator("#inbox-empty")).ToBeVisibleAsync();

        Assert.Equal(new MailboxPass(0, 0, 0), await reader.ReadOnceAsync(TestContext.Current.CancellationToken));
        await page.GotoAsync(requestUrl);
        await Assertions.Expect(page.Locator("#correspondence article")).ToHaveCountAsync(2);
    }

    private static MimeMessage Reply(MimeMessage? to, DateTimeOffset date, string text, string from = "support@x.example")
    {
        var message = new MimeMessage { Subject = to is null ? text : "Re: " + to.Subject, Date = date, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("desk@helpline.example"));
        if (to is not null)
        {
            message.InReplyTo = to.MessageId;
            message.References.Add(to.MessageId!);
        }

        return message;
    }

    private static async Task DesignateEmailAsync(BrowserApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var x = await db.Platforms.SingleAsync(p => p.Slug == "x");
        x.Edit(x.Profile with { Channels = [.. x.Channels, new RemovalChannel(ChannelKind.Email, Designated, "The platform's Take It Down Act address", true)] });
        await db.SaveChangesAsync();
    }
}
