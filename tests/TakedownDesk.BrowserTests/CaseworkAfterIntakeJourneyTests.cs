using Microsoft.Playwright;
using TakedownDesk.Application.Common;

namespace TakedownDesk.BrowserTests;

/// <summary>Case work after intake, by keyboard only with axe-core on each page: a release for named platforms, the person's details edited.</summary>
public sealed class CaseworkAfterIntakeJourneyTests
{
    [Fact]
    public async Task A_release_for_named_platforms_refuses_another_platform_and_the_persons_details_are_edited_by_keyboard()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var screenshots = Path.Combine(BrowserApp.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        await using var chromium = await Chromium.StartAsync(app);
        var baseUrl = chromium.BaseUrl;
        var page = await chromium.SignedInPageAsync(email, key);

        // Intake with a release that names X only.
        await page.GotoAsync(baseUrl + "/Cases/New");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Pseudonym (shown everywhere)"), "Robin-7731");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Signed by"), "Marker Legalname");
        await Accessibility.TabToAsync(page, page.GetByLabel("All platforms"));
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByLabel("Only these platforms")).ToBeCheckedAsync();
        await Accessibility.TabToAsync(page, page.GetByLabel("X (formerly Twitter)"));
        await page.Keyboard.PressAsync("Space");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Description"), "Deepfake posted after a breakup");
        await Accessibility.TypeIntoAsync(page, page.GetByLabel("Paste URLs, one per line (do not open them)"), "https://x.com/someone/status/1234567890\nhttps://www.reddit.com/r/pics/comments/abc123/\nhttps://unknown-host.example/page?id=7");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Open case" }));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TabToAsync(page, page.Locator("#go-to-case"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#pseudonym")).ToHaveTextAsync("Robin-7731");
        var caseUrl = page.Url;
        await Assertions.Expect(page.Locator("#releases-heading + ul")).ToContainTextAsync("only X (formerly Twitter)");

        // Reddit is outside the release: refused in words.
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Draft a request to Reddit for every location on it not yet requested" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("No release in force covers this platform");

        // A second release naming Reddit, recorded from the case page; then the draft goes through.
        await Accessibility.TabToAsync(page, page.Locator("summary", new() { HasText = "Record a new signed release" }));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TypeIntoAsync(page, page.Locator("#Release_SignedBy"), "Marker Legalname");
        await Accessibility.TabToAsync(page, page.Locator("#Release_AllPlatforms_all"));
        await page.Keyboard.PressAsync("ArrowRight");
        await Accessibility.TabToAsync(page, page.Locator("form:has(#Release_SignedBy)").GetByLabel("Reddit"));
        await page.Keyboard.PressAsync("Space");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record release" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#releases-heading + ul")).ToContainTextAsync("only Reddit");

        // The URL no platform matched is on Reddit: assigned from its row's actions, it joins the Reddit group.
        var unmatched = page.Locator("#platform-unmatched");
        await Assertions.Expect(unmatched).ToContainTextAsync("No platform matched");
        await Accessibility.TabToAsync(page, unmatched.Locator("summary", new() { HasText = "Actions" }));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TabToAsync(page, unmatched.GetByLabel("It is on the platform"));
        await page.Keyboard.TypeAsync("Redd");
        Assert.Equal("Reddit", await unmatched.GetByLabel("It is on the platform").EvaluateAsync<string>("select => select.selectedOptions[0].textContent"));
        await Accessibility.TabToAsync(page, unmatched.GetByRole(AriaRole.Button, new() { Name = "Assign the platform" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#platform-unmatched")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("fieldset.platform-group", new() { HasText = "Reddit · 2 locations" })).ToContainTextAsync("unknown-host.example");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("assigned to one by hand");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Draft a request to Reddit for every location on it not yet requested" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/Requests/", StringComparison.Ordinal));
        await page.GotoAsync(caseUrl);

        // The person's details: a blank pseudonym is refused without losing the new contact typed beside it; then saved.
        await Accessibility.TabToAsync(page, page.Locator("#show-confidential"));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TabToAsync(page, page.Locator("#edit-person summary"));
        await page.Keyboard.PressAsync("Enter");
        await Accessibility.TabToAsync(page, page.Locator("#Person_Pseudonym"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Backspace");
        await Accessibility.TabToAsync(page, page.Locator("#Person_ContactChannels_0__Kind"));
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#Person_ContactChannels_0__Kind")).ToHaveValueAsync("1");
        await Accessibility.TypeIntoAsync(page, page.Locator("#Person_ContactChannels_0__Value"), "+1 555 0100");
        await Accessibility.TabToAsync(page, page.Locator("#save-person"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Give the pseudonym staff use for the person.");
        await Assertions.Expect(page.Locator("#Person_ContactChannels_0__Value")).ToHaveValueAsync("+1 555 0100");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Accessibility.TypeIntoAsync(page, page.Locator("#Person_Pseudonym"), "Wren-3");
        await Accessibility.TabToAsync(page, page.Locator("#save-person"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#case-saved")).ToContainTextAsync("The person's details and contacts are saved.");
        await Assertions.Expect(page.Locator("#pseudonym")).ToHaveTextAsync("Wren-3");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("The person's details were edited (1 contact channel(s))");
        await Accessibility.TabToAsync(page, page.Locator("#show-confidential"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confidential")).ToContainTextAsync("+1 555 0100");
        await Assertions.Expect(page.Locator("#Person_ContactChannels_0__Value")).ToHaveValueAsync("+1 555 0100");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "case-person-edited.png"), FullPage = true });
    }

    [Fact]
    public async Task A_coworker_added_by_keyboard_opens_the_case_and_once_removed_is_shown_not_found()
    {
        await using var app = new BrowserApp();
        app.StartServer();
        var (email, key) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker);
        var (coworkerEmail, coworkerKey) = await app.CreateEnrolledUserAsync(StaffRoles.Caseworker, "cass@helpline.example", "Cass Coworker");
        await using var chromium = await Chromium.StartAsync(app);
        var page = await chromium.SignedInPageAsync(email, key);
        await page.GotoAsync(chromium.BaseUrl + "/Cases/New");
        await page.GetByLabel("Pseudonym (shown everywhere)").FillAsync("Robin-7731");
        await page.GetByLabel("Signed by").FillAsync("Marker Legalname");
        await page.GetByLabel("Description").FillAsync("Deepfake posted after a breakup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open case" }).ClickAsync();
        await page.Locator("#go-to-case").ClickAsync();
        var caseUrl = page.Url;
        var coworkerPage = await chromium.SignedInPageAsync(coworkerEmail, coworkerKey);
        Assert.Equal(404, (await coworkerPage.GotoAsync(caseUrl))!.Status);

        // Added by keyboard: the co-worker opens the case.
        await Accessibility.TabToAsync(page, page.GetByLabel("Add a co-worker"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("Cass Coworker", await page.GetByLabel("Add a co-worker").EvaluateAsync<string>("select => select.selectedOptions[0].textContent"));
        await Accessibility.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add co-worker" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#case-saved")).ToContainTextAsync("The co-worker is added");
        await Assertions.Expect(page.Locator("#coworker-list")).ToContainTextAsync("Cass Coworker");
        await Assertions.Expect(page.Locator("#coworker-list")).ToContainTextAsync("until removed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(200, (await coworkerPage.GotoAsync(caseUrl))!.Status);
        await Assertions.Expect(coworkerPage.Locator("#pseudonym")).ToHaveTextAsync("Robin-7731");
        await Assertions.Expect(coworkerPage.GetByRole(AriaRole.Button, new() { Name = "Add co-worker" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(coworkerPage);

        // Removed by keyboard: the co-worker's next look is "not found", and the row stays as the record of their access.
        await Accessibility.TabToAsync(page, page.Locator("#coworker-list").GetByRole(AriaRole.Button, new() { Name = "Remove Cass Coworker" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#case-saved")).ToContainTextAsync("The co-worker is removed");
        await Assertions.Expect(page.Locator("#coworker-list")).ToContainTextAsync("ended ");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("A co-worker was removed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(404, (await coworkerPage.GotoAsync(caseUrl))!.Status);
    }
}
