using Microsoft.Playwright;

namespace TakedownDesk.BrowserTests;

/// <summary>One headless Chromium for a journey; each staff member signs in in a context of their own.</summary>
internal sealed class Chromium(IPlaywright playwright, IBrowser browser, string baseUrl) : IAsyncDisposable
{
    public string BaseUrl => baseUrl;

    public static async Task<Chromium> StartAsync(BrowserApp app)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = CaseworkerJourneyTests.ChromiumArgs,
        });
        return new Chromium(playwright, browser, app.Address.ToString().TrimEnd('/'));
    }

    public async Task<IPage> SignedInPageAsync(string email, string key)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, email, key, DateTimeOffset.UtcNow);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
