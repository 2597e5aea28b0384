using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.UnitTests.Platforms;

public sealed class InstructionStepsTests
{
    [Fact]
    public void Numbered_or_bulleted_lines_are_steps_without_their_numbers()
    {
        Assert.Equal(["Open the form.", "Choose the report type.", "Paste each URL."], InstructionSteps.Of("1. Open the form.\r\n2) Choose the report type.\n\n- Paste each URL.\n"));
    }

    [Fact]
    public void A_paragraph_is_split_into_its_sentences_but_not_after_an_abbreviation()
    {
        Assert.Equal(
            ["The only route Discord accepts.", "File one report per media item, e.g. one per clip."],
            InstructionSteps.Of("The only route Discord accepts. File one report per media item, e.g. one per clip."));
    }

    [Fact]
    public void No_instructions_are_no_steps()
    {
        Assert.Empty(InstructionSteps.Of(null));
        Assert.Empty(InstructionSteps.Of("  \n "));
    }
}
