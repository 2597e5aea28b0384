using TakedownDesk.Domain.Victims;
using TakedownDesk.Domain.Victims.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Victims;

/// <summary>The person's details after intake: a new pseudonym, and a contact list that replaces the old one.</summary>
public class VictimDetailsEditTests
{
    private static readonly DateTime Now = Scenario.Start.UtcDateTime;

    private static Victim NewVictim()
    {
        var victim = new Victim("Sparrow-7", ConfidentialDetails.None, false, Now);
        victim.AddContactChannel(ContactChannelKind.Email, "old@example.org", true, null);
        return victim;
    }

    [Fact]
    public void A_new_pseudonym_is_kept_trimmed_and_a_blank_one_is_refused()
    {
        var victim = NewVictim();

        victim.Rename("  Wren-3 ");
        Rule.Broken(nameof(VictimNeedsAPseudonym), () => victim.Rename("  "));

        Assert.Equal("Wren-3", victim.Pseudonym);
    }

    [Fact]
    public void The_new_contact_list_replaces_the_old_one_so_an_unsafe_address_is_gone_for_good()
    {
        var victim = NewVictim();

        victim.ReplaceContactChannels(
        [
            Victim.NewContactChannel(ContactChannelKind.Phone, " +1 555 0100 ", false, "Shared phone: text only"),
            Victim.NewContactChannel(ContactChannelKind.Postal, "1 Safe St, Springfield", true, null),
        ]);

        Assert.Equal(
            [(ContactChannelKind.Phone, "+1 555 0100", false, "Shared phone: text only"), (ContactChannelKind.Postal, "1 Safe St, Springfield", true, (string?)null)],
            victim.ContactChannels.Select(c => (c.Kind, c.Value, c.SafeToContact, c.SafetyNote)));
    }

    [Fact]
    public void The_same_contact_twice_is_refused_whatever_its_letter_case_and_the_old_list_stays()
    {
        var victim = NewVictim();

        Rule.Broken(nameof(ContactChannelsAreNotRepeated), () => victim.ReplaceContactChannels(
        [
            Victim.NewContactChannel(ContactChannelKind.Email, "new@example.org", true, null),
            Victim.NewContactChannel(ContactChannelKind.Email, "NEW@example.org", false, null),
        ]));
        Rule.Broken(nameof(ContactChannelsAreNotRepeated), () => victim.AddContactChannel(ContactChannelKind.Email, "Old@Example.org", true, null));

        Assert.Equal("old@example.org", Assert.Single(victim.ContactChannels).Value);
    }

    [Fact]
    public void A_contact_needs_an_address_or_number()
    {
        Rule.Broken(nameof(ContactChannelNeedsAValue), () => Victim.NewContactChannel(ContactChannelKind.Phone, " ", true, null));
    }

    [Fact]
    public void The_timeline_says_the_details_were_edited_and_never_what_they_are()
    {
        var s = new Scenario();

        s.Case.NoteVictimDetailsEdited(2, s.Now);

        var line = s.Case.PendingCaseEvents[^1];
        Assert.Equal(("VictimDetailsEdited", "The person's details were edited (2 contact channel(s))"), (line.Kind, line.Summary));
    }
}
