using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.UnitTests.Correspondence;

public sealed class ReplyPatternsTests
{
    [Theory]
    [InlineData("Re: request TD-2026-00001-R1", "We have received your request. Your case number: XR-778812.", ReplyMeaning.Acknowledgment, "XR-778812")]
    [InlineData("Update", "The reported content has been removed. Ticket #55123.", ReplyMeaning.Removed, "55123")]
    [InlineData("Update", "After review the content has not been removed: it does not violate our policies.", ReplyMeaning.Refused, null)]
    [InlineData("Update", "We need more information: please provide a link to the post.", ReplyMeaning.MoreInformationAsked, null)]
    [InlineData("Newsletter", "Our December update", ReplyMeaning.Unclear, null)]
    public void The_default_wording_is_read_with_the_platforms_number_and_never_the_desks_own_reference(string subject, string text, ReplyMeaning meaning, string? number) =>
        Assert.Equal(new ReplySuggestion(meaning, number), ReplyPatterns.Default.Suggest(subject, text));

    [Fact]
    public void A_platforms_own_pattern_finds_its_number_format()
    {
        var patterns = ReplyPatterns.Default with { RequestNumber = @"\[ref:(?<number>[0-9a-f]{8})\]" };

        Assert.Equal("0badcafe", patterns.FindRequestNumber("Your report [ref:0badcafe] was received"));
        Assert.Null(patterns.FindRequestNumber("case number: XR-778812"));
    }

    [Fact]
    public void An_invalid_pattern_is_refused_and_a_pathological_one_reads_nothing_instead_of_stalling()
    {
        Assert.False((ReplyPatterns.Default with { Removed = "(unclosed" }).AreValid());
        Assert.True(ReplyPatterns.Default.AreValid());
        var slow = ReplyPatterns.Default with { Removed = @"^(a+)+$", Refused = string.Empty, MoreInformation = string.Empty, Acknowledgment = string.Empty };

        Assert.Equal(ReplyMeaning.Unclear, slow.Suggest(string.Empty, new string('a', 40) + "!").Meaning);
    }
}
