using Microsoft.Playwright;
using TakedownDesk.Application.Common;

namespace TakedownDesk.BrowserTests;

/// <summary>The prevention plan filled in by keyboard only, with axe-core on the filled-in section, and its two letters served as PDFs.</summary>
public sealed class PreventionJourneyTests
{
    [Fact]
    public async Task A_photo_source_and_a_hash_matching_number_are_kept_by_keyboard_and_the_guidance_and_summary_letter_are_pdfs()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        await using var chromium = await Chromium.StartAsync(app);
        var page = await chromium.SignedInPageAsync(email, key);
        await CaseworkJourneyTests.OpenACaseAsync(page);

        // A public profile to review: platform and address only.
        await Accessibility.TabToAsync(page, page.Locator("#prevention summary").First);
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Platform or site"), "Instagram");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Address of the profile or album"), "https://www.instagram.com/robin.example/");
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }));
        await page.Keyboard.PressAsync("Enter");
        var sources = page.Locator("#photo-source-list");
        await Assertions.Expect(sources).ToContainTextAsync("Instagram");
        await Assertions.Expect(sources).ToContainTextAsync("To review");

        // Made private, chosen with the arrow keys.
        await Accessibility.TabToAsync(page, page.GetByLabel("Status of Instagram"));
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("Status of Instagram")).ToHaveValueAsync("MadePrivate");
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save the status of Instagram" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Status of Instagram")).ToHaveValueAsync("MadePrivate");

        // A StopNCII case number with the person's consent; the PIN never.
        await Accessibility.TabToAsync(page, page.Locator("#prevention summary", new() { HasText = "Keep a hash-matching case number" }));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Case number (never the PIN)"), "SN-88341");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Who consented to keeping it"), "Robin (the person depicted)");
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Keep the case number" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#hash-matching-list")).ToContainTextAsync("SN-88341");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Locator("#prevention").ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-prevention-plan.png") });

        // The two letters for the person, in English and Spanish, are PDFs.
        foreach (var link in new[] { "#guidance-links a[hreflang=en]", "#guidance-links a[hreflang=es]", "#summary-letter-links a[hreflang=en]", "#summary-letter-links a[hreflang=es]" })
        {
            var href = await page.Locator(link).GetAttributeAsync("href");
            var response = await page.Context.APIRequest.GetAsync(new Uri(new Uri(page.Url), href).ToString());
            Assert.Equal((200, "application/pdf"), (response.Status, response.Headers["content-type"].Split(';')[0]));
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await response.BodyAsync())[..4]), StringComparison.Ordinal);
        }
    }
}
