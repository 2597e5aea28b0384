using Microsoft.Playwright;
using TakedownDesk.Application.Common;

namespace TakedownDesk.BrowserTests;

/// <summary>
/// A caseworker records a person-specific model by keyboard only, reports it to its hub, adds a mirror found on another hub
/// and reports the mirror with one button; axe-core checks each screen.
/// </summary>
public sealed class ModelJourneyTests
{
    [Fact]
    public async Task A_model_incident_is_recorded_by_keyboard_reported_to_its_hub_and_its_mirror_reported_to_the_mirrors_hub()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (caseworker, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = CaseworkerJourneyTests.ChromiumArgs });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await CaseworkerJourneyTests.SignInAsync(page, app.Address.ToString().TrimEnd('/'), caseworker, key, DateTimeOffset.UtcNow);

        await page.GetByRole(AriaRole.Link, new() { Name = "New case" }).ClickAsync();
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Pseudonym (shown everywhere)"), "Wren-4410");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Signed by"), "Wren Example");
        await Accessibility.TabToAsync(page, page.GetByLabel("What happened"));
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.GetByLabel("What happened")).ToHaveValueAsync("3");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Model page on the hub (do not download the model)"), "https://civitai.com/models/4242/wren-lora");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Model name as the hub shows it"), "Wren LoRA v2");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Trigger words, separated by commas"), "wrn44, wrengirl");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Why it depicts this person (name in the title, sample images, trigger word)"), "Her first name is in the title and the sample images show her face.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "model-new-case.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Open case" }));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#go-to-case").ClickAsync();

        var card = page.Locator("section.model");
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "Model “Wren LoRA v2”" })).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("wrn44, wrengirl");
        await Accessibility.TabToAsync(page, card.GetByRole(AriaRole.Button, new() { Name = "Report to the hub (Civitai)" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Person-specific model report");
        await Assertions.Expect(page.GetByLabel("Model name, as the hub shows it")).ToHaveValueAsync("Wren LoRA v2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "model-report-to-hub.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GoBackAsync();
        await page.ReloadAsync();
        await Accessibility.TypeIntoAsync(page, card.GetByLabel("A mirror found on another hub (URL)"), "https://huggingface.co/someone/wren-mirror");
        await page.Keyboard.PressAsync("Enter");
        var mirrorReport = card.GetByRole(AriaRole.Button, new() { Name = "Report this mirror (Hugging Face)" });
        await Assertions.Expect(mirrorReport).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Report to the hub (Civitai)" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "model-case-with-mirror.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TabToAsync(page, mirrorReport);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Person-specific model report");
        await Assertions.Expect(page.Locator("#platform-process")).ToContainTextAsync("Hugging Face");
    }
}
