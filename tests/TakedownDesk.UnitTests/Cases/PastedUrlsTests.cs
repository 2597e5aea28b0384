using TakedownDesk.Domain.Cases;

namespace TakedownDesk.UnitTests.Cases;

public class PastedUrlsTests
{
    [Fact]
    public void Good_lines_are_kept_and_bad_lines_reported_with_line_numbers_and_reasons()
    {
        var pasted = PastedUrls.Parse(
            "https://example.com/a\n" +
            "\n" +
            "ftp://example.com/b\n" +
            "   \n" +
            "https://Example.com/c#frag\r\n" +
            "not a url\n");

        Assert.Equal([1, 5], pasted.Good.Select(g => g.LineNumber));
        Assert.Equal(["https://example.com/a", "https://example.com/c"], pasted.Good.Select(g => g.Url.Value));
        Assert.Equal([3, 6], pasted.Bad.Select(b => b.LineNumber));
        Assert.Equal("ftp://example.com/b", pasted.Bad[0].Text);
        Assert.Contains("ftp", pasted.Bad[0].Reason, StringComparison.Ordinal);
        Assert.Equal("not a url", pasted.Bad[1].Text);
        Assert.False(string.IsNullOrWhiteSpace(pasted.Bad[1].Reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    public void Blank_pastes_have_no_good_and_no_bad_lines(string? text)
    {
        var pasted = PastedUrls.Parse(text);

        Assert.Empty(pasted.Good);
        Assert.Empty(pasted.Bad);
    }

    [Fact]
    public void Windows_line_endings_are_handled()
    {
        var pasted = PastedUrls.Parse("https://example.com/a\r\nhttps://example.com/b\r\n");

        Assert.Equal(["https://example.com/a", "https://example.com/b"], pasted.Good.Select(g => g.Url.Value));
        Assert.Empty(pasted.Bad);
    }

    [Fact]
    public void The_same_url_pasted_twice_is_kept_twice_for_the_case_to_de_duplicate()
    {
        var pasted = PastedUrls.Parse("https://example.com/a\nhttps://EXAMPLE.com/a#x");

        Assert.Equal(2, pasted.Good.Count);
        Assert.Equal(pasted.Good[0].Url.Key, pasted.Good[1].Url.Key);
    }

    [Fact]
    public void A_long_bad_line_is_cut_in_the_report()
    {
        var junk = "ftp://example.com/" + new string('x', 300);

        var bad = Assert.Single(PastedUrls.Parse(junk).Bad);

        Assert.Equal(201, bad.Text.Length);
        Assert.EndsWith("…", bad.Text, StringComparison.Ordinal);
        Assert.StartsWith(junk[..200], bad.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_beyond_the_limit_are_not_read_and_are_reported()
    {
        var text = string.Join('\n', Enumerable.Range(1, PastedUrls.MaximumLines + 5).Select(i => $"https://example.com/{i}"));

        var pasted = PastedUrls.Parse(text);

        Assert.Equal(PastedUrls.MaximumLines, pasted.Good.Count);
        var bad = Assert.Single(pasted.Bad);
        Assert.Equal(PastedUrls.MaximumLines + 1, bad.LineNumber);
        Assert.Contains(PastedUrls.MaximumLines.ToString(System.Globalization.CultureInfo.InvariantCulture), bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_maximum_number_of_lines_with_a_final_newline_is_not_reported_as_too_long()
    {
        var text = string.Concat(Enumerable.Range(1, PastedUrls.MaximumLines).Select(i => $"https://example.com/{i}\n"));

        var pasted = PastedUrls.Parse(text);

        Assert.Equal(PastedUrls.MaximumLines, pasted.Good.Count);
        Assert.Empty(pasted.Bad);
    }
}
