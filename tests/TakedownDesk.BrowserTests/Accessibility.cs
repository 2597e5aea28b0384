using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TakedownDesk.BrowserTests;

/// <summary>axe-core (the engine accessibility auditors use) run on the page as it is; and a keyboard that only tabs and presses.</summary>
internal static class Accessibility
{
    /// <summary>Fails with each critical or serious violation named, its rule and the elements it found.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(violation => violation.Impact is "critical" or "serious")
            .Select(violation => $"{violation.Impact} {violation.Id} on {page.Url}: {violation.Help} — {string.Join(" | ", violation.Nodes.Take(3).Select(node => node.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        Assert.NotEmpty(result.Passes);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it is not reachable within <paramref name="maximumTabs"/>.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int maximumTabs = 2000)
    {
        for (var pressed = 0; pressed < maximumTabs; pressed++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Not reachable by Tab within {maximumTabs} presses: {target}");
    }

    /// <summary>Tabs to a field and types into it, as someone without a mouse does.</summary>
    public static async Task TypeIntoAsync(IPage page, ILocator field, string text)
    {
        await TabToAsync(page, field);
        await page.Keyboard.InsertTextAsync(text);
    }
}
