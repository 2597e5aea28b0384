using Microsoft.Playwright;
using TakedownDesk.Application.Common;

namespace TakedownDesk.BrowserTests;

/// <summary>The caseworker's day on one case, by keyboard only: a note, a task that comes onto the board, each page checked with axe-core (which needs scripts on).</summary>
public sealed class CaseworkJourneyTests
{
    [Fact]
    public async Task A_note_and_a_task_written_by_keyboard_show_on_the_case_page_and_the_task_on_the_board_with_a_link_back()
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
            Args = CaseworkerJourneyTests.ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var baseUrl = app.Address.ToString().TrimEnd('/');
        await CaseworkerJourneyTests.SignInAsync(page, baseUrl, email, key, DateTimeOffset.UtcNow);
        var caseUrl = await OpenACaseAsync(page);

        // A note, typed and saved without a mouse; an empty one is refused beside its field first.
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save note" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Write the note before saving it.");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("New note"), "Called Robin: prefers e-mail after 6 pm.");
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save note" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#note-list li").First).ToContainTextAsync("Called Robin: prefers e-mail after 6 pm.");

        // A task due this time tomorrow (the form's offer, in the staff member's zone) for the case's caseworker.
        await Accessibility.TabToAsync(page, page.Locator("#tasks summary"));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("What is to be done"), "Check whether X answered");
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add task" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#task-list")).ToContainTextAsync("Check whether X answered");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("A task was added");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-notes-and-tasks.png"), FullPage = true });

        // On the board in the next 48 hours, linking back to the case.
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Deadlines" }));
        await page.Keyboard.PressAsync("Enter");
        var soon = page.Locator("#tasks-within-48h");
        await Assertions.Expect(soon).ToContainTextAsync("Check whether X answered");
        await Assertions.Expect(soon).ToContainTextAsync("Robin-7731");
        await Assertions.Expect(page.Locator("#tasks-overdue-heading")).ToContainTextAsync("(0)");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "board-with-task.png"), FullPage = true });
        await Accessibility.TabToAsync(page, soon.GetByRole(AriaRole.Link, new() { Name = "Check whether X answered" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(caseUrl + "#tasks");

        // Done: off the board.
        await Accessibility.TabToAsync(page, page.Locator("#task-list").GetByRole(AriaRole.Button, new() { Name = "Mark done" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#task-list")).ToContainTextAsync("Done ");
        await page.GotoAsync(baseUrl + "/");
        await Assertions.Expect(page.Locator("#tasks-within-48h-heading")).ToContainTextAsync("(0)");
    }

    /// <summary>A case from the intake form, for the journey to work on; returns the case page's address.</summary>
    internal static async Task<string> OpenACaseAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New case" }).ClickAsync();
        await page.GetByLabel("Pseudonym (shown everywhere)").FillAsync("Robin-7731");
        await page.GetByLabel("Signed by").FillAsync("Marker Legalname");
        await page.GetByLabel("Description").FillAsync("Deepfake posted after a breakup");
        await page.GetByLabel("Paste URLs, one per line (do not open them)").FillAsync("https://x.com/someone/status/1234567890\nhttps://unknown-host.example/page?id=7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await page.Locator("#go-to-case").ClickAsync();
        await Assertions.Expect(page.Locator("#pseudonym")).ToHaveTextAsync("Robin-7731");
        return page.Url;
    }
}
