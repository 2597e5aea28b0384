using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace TakedownDesk.BrowserTests;

/// <summary>Playwright's 5 s default for an expectation fails on a loaded 2-core machine while a page is still navigating.</summary>
internal static class ExpectTimeout
{
    [ModuleInitializer]
    internal static void Lengthen() => Assertions.SetDefaultExpectTimeout(15_000);
}
