using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Domain.Victims.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Victims;

public class VictimTests
{
    private static readonly DateTime Now = Scenario.Start.UtcDateTime;

    [Fact]
    public void A_victim_keeps_a_trimmed_pseudonym_and_may_leave_every_detail_empty()
    {
        var victim = new Victim("  Sparrow-7 ", ConfidentialDetails.None, false, Now);

        Assert.Equal("Sparrow-7", victim.Pseudonym);
        Assert.Equal(ConfidentialDetails.None, victim.Details);
        Assert.Equal(Now, victim.CreatedAtUtc);
        Assert.False(victim.MayHaveBeenMinorWhenDepicted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_victim_needs_a_pseudonym(string pseudonym)
    {
        Rule.Broken(nameof(VictimNeedsAPseudonym), () => _ = new Victim(pseudonym, ConfidentialDetails.None, false, Now));
    }

    [Fact]
    public void Instants_must_be_UTC()
    {
        Assert.Throws<ArgumentException>(() => _ = new Victim("Sparrow-7", ConfidentialDetails.None, false, DateTime.SpecifyKind(Now, DateTimeKind.Local)));
    }

    [Fact]
    public void A_victim_can_be_flagged_as_a_possible_minor()
    {
        var victim = new Victim("Sparrow-7", ConfidentialDetails.None, false, Now);

        victim.FlagPossibleMinor();

        Assert.True(victim.MayHaveBeenMinorWhenDepicted);
    }

    [Fact]
    public void A_contact_channel_keeps_its_value_and_safety_note_trimmed()
    {
        var victim = new Victim("Sparrow-7", ConfidentialDetails.None, false, Now);

        var channel = victim.AddContactChannel(ContactChannelKind.Email, " s7@example.org ", false, "  Shared inbox with ex ");
        var noNote = victim.AddContactChannel(ContactChannelKind.Phone, "+1 555 0100", true, "  ");

        Assert.Equal("s7@example.org", channel.Value);
        Assert.Equal("Shared inbox with ex", channel.SafetyNote);
        Assert.False(channel.SafeToContact);
        Assert.Null(noNote.SafetyNote);
        Assert.Equal(2, victim.ContactChannels.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_contact_channel_needs_a_value(string value)
    {
        var victim = new Victim("Sparrow-7", ConfidentialDetails.None, false, Now);

        Rule.Broken(nameof(ContactChannelNeedsAValue), () => victim.AddContactChannel(ContactChannelKind.Email, value, true, null));
        Assert.Empty(victim.ContactChannels);
    }

    [Fact]
    public void Possible_minor_is_set_after_intake_but_never_cleared_because_the_law_says_block_all_image_handling_for_a_possible_minor()
    {
        var victim = new Victim("Robin-1", ConfidentialDetails.None, false, Now);

        victim.MarkPossibleMinor(true);
        var refused = Assert.Throws<BusinessRuleViolationException>(() => victim.MarkPossibleMinor(false));

        Assert.True(victim.MayHaveBeenMinorWhenDepicted);
        Assert.Equal(nameof(PossibleMinorFlagCannotBeCleared), refused.RuleName);
    }
}
