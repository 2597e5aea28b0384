using TakedownDesk.Domain.Requests;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Requests;

public class StatutoryElementsTests
{
    private static readonly DateTime Signed = Scenario.Start.UtcDateTime;

    [Fact]
    public void A_request_with_all_four_elements_misses_nothing()
    {
        Assert.Empty(StatutoryElements.MissingFrom(Scenario.Signature, 1, Scenario.GoodFaith, Scenario.Contact));
    }

    [Fact]
    public void An_empty_request_misses_all_four_elements_in_statutory_order()
    {
        var missing = StatutoryElements.MissingFrom(null, 0, null, null);

        Assert.Equal(
            [StatutoryElements.Signature, StatutoryElements.IdentificationAndLocation, StatutoryElements.GoodFaithStatement, StatutoryElements.ContactInformation],
            missing.Select(m => m.Element));
        Assert.All(missing, m => Assert.False(string.IsNullOrWhiteSpace(m.WhatIsNeeded)));
    }

    [Fact]
    public void An_authorized_person_must_state_the_basis_of_their_authority()
    {
        var noBasis = new SignatureBlock("Jordan", RequesterCapacity.AuthorizedPerson, "  ", Signed);
        var withBasis = noBasis with { AuthorityBasis = "Signed release on file" };

        Assert.False(noBasis.IsComplete);
        Assert.Equal(StatutoryElements.Signature, Assert.Single(StatutoryElements.MissingFrom(noBasis, 1, Scenario.GoodFaith, Scenario.Contact)).Element);
        Assert.True(withBasis.IsComplete);
    }

    [Fact]
    public void The_depicted_individual_needs_no_authority_basis()
    {
        Assert.True(new SignatureBlock("Sam", RequesterCapacity.DepictedIndividual, null, Signed).IsComplete);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_signature_needs_a_signed_name(string name)
    {
        Assert.False(new SignatureBlock(name, RequesterCapacity.DepictedIndividual, null, Signed).IsComplete);
    }

    [Fact]
    public void A_request_without_locations_misses_identification_and_location()
    {
        var missing = StatutoryElements.MissingFrom(Scenario.Signature, 0, Scenario.GoodFaith, Scenario.Contact);

        Assert.Equal(StatutoryElements.IdentificationAndLocation, Assert.Single(missing).Element);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_blank_good_faith_statement_is_missing(string? statement)
    {
        var missing = StatutoryElements.MissingFrom(Scenario.Signature, 2, statement, Scenario.Contact);

        Assert.Equal(StatutoryElements.GoodFaithStatement, Assert.Single(missing).Element);
    }

    [Theory]
    [InlineData("a@example.org", null, null)]
    [InlineData(null, "+1 555 0100", null)]
    [InlineData(null, null, "1 Main St, Springfield")]
    public void Contact_needs_a_name_and_one_way_to_reach_the_requester(string? email, string? phone, string? postal)
    {
        Assert.True(new RequesterContact("Jordan", null, email, phone, postal).IsComplete);
        Assert.False(new RequesterContact(" ", null, email, phone, postal).IsComplete);
    }

    [Fact]
    public void Contact_with_a_name_only_is_missing()
    {
        var nameOnly = new RequesterContact("Jordan", "Safe Harbor", " ", "", null);

        Assert.False(nameOnly.IsComplete);
        Assert.Equal(StatutoryElements.ContactInformation, Assert.Single(StatutoryElements.MissingFrom(Scenario.Signature, 1, Scenario.GoodFaith, nameOnly)).Element);
    }
}
