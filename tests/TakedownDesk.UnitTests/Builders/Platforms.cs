using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.UnitTests.Builders;

public static class Platforms
{
    public static RemovalChannel WebForm(bool designated = true) =>
        new(ChannelKind.WebForm, "https://example.com/legal/take-it-down", "Fill in the form.", designated);

    public static PlatformProfile Profile(
        string name = "Example",
        IReadOnlyList<string>? domains = null,
        Coverage coverage = Coverage.Covered,
        string? coverageNote = null,
        IReadOnlyList<RemovalChannel>? channels = null) =>
        new(
            name,
            PlatformKind.Platform,
            domains ?? ["example.com"],
            coverage,
            coverageNote,
            channels ?? [WebForm()],
            [" Legal name ", "", "Country"],
            "Confirmation e-mail with a ticket number",
            "  ",
            "https://example.com/help/ncii");

    public static Platform Create(string slug = "example", PlatformProfile? profile = null) =>
        new(slug, profile ?? Profile(), Verification.Verified, new DateOnly(2026, 11, 1));
}
