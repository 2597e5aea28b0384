using TakedownDesk.Domain.Cases;

namespace TakedownDesk.UnitTests.Cases;

public class CaseReferenceTests
{
    [Theory]
    [InlineData(2026, 42, "TD-2026-00042")]
    [InlineData(2000, 1, "TD-2000-00001")]
    [InlineData(9999, 99999, "TD-9999-99999")]
    public void A_reference_reads_as_TD_year_number(int year, int number, string expected)
    {
        Assert.Equal(expected, CaseReference.Create(year, number).ToString());
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(10000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(2026, 100000)]
    public void Out_of_range_years_and_numbers_are_refused(int year, int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseReference.Create(year, number));
    }

    [Theory]
    [InlineData("TD-2026-00042")]
    [InlineData("td-2026-00042")]
    [InlineData("  TD-2026-00042 ")]
    public void A_reference_parses_back(string text)
    {
        Assert.True(CaseReference.TryParse(text, out var reference));
        Assert.Equal(CaseReference.Create(2026, 42), reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TD-26-00042")]
    [InlineData("TD-2026-0042")]
    [InlineData("TD-2026-000042")]
    [InlineData("XX-2026-00042")]
    [InlineData("TD-2026-00042-R1")]
    [InlineData("TD 2026 00042")]
    public void Malformed_text_does_not_parse(string? text)
    {
        Assert.False(CaseReference.TryParse(text, out var reference));
        Assert.Equal(default, reference);
    }

    [Theory]
    [InlineData("TD-2026-00000")]
    [InlineData("TD-1999-00001")]
    public void Text_naming_a_reference_Create_would_refuse_does_not_parse(string text)
    {
        Assert.False(CaseReference.TryParse(text, out _));
    }
}
