using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.BrowserTests;

/// <summary>
/// A passkey added on the passkeys page (after the password and a fresh code) and then used as the second sign-in step,
/// in Chromium with its virtual WebAuthn authenticator (the one part that stands in for hardware: a security key or a
/// device's screen lock cannot run here). WebAuthn needs a host name, not an IP address, so the browser uses localhost.
/// </summary>
public sealed class PasskeyJourneyTests
{
    [Fact]
    public async Task A_passkey_added_after_the_password_and_a_fresh_code_signs_in_instead_of_a_code()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new BrowserApp(time);
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CaseworkerJourneyTests.ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var baseUrl = $"http://localhost:{app.Port}";
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, email, key, time.GetUtcNow());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline board" })).ToBeVisibleAsync();

        // The code that signed in is spent: adding a passkey with it is refused, and nothing is created.
        await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys" }).ClickAsync();
        var form = page.Locator("#passkey-add");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Name of the passkey").FillAsync("Office security key");
        await form.GetByLabel("Your password").FillAsync(BrowserApp.Password);
        await form.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, Totp.TimeStepAt(time.GetUtcNow())));
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-passkey-problem]")).ToContainTextAsync("password or the code was not accepted");
        Assert.Equal(0, await CountPasskeysAsync(app));

        time.Advance(TimeSpan.FromSeconds(31));
        await form.GetByLabel("Your password").FillAsync(BrowserApp.Password);
        await form.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, Totp.TimeStepAt(time.GetUtcNow())));
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The passkey \"Office security key\" is added");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Office security key");
        Assert.Equal(1, await CountPasskeysAsync(app));
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "passkeys.png"), FullPage = true });

        // Signed out, the password then the passkey sign in: no code typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(baseUrl + "/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deadline board" })).ToBeVisibleAsync();

        // Removed, it no longer offers itself at sign-in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the passkey Office security key" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The passkey is removed");
        Assert.Equal(0, await CountPasskeysAsync(app));
    }

    private static async Task<int> CountPasskeysAsync(BrowserApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>().UserPasskeys.CountAsync();
    }
}
