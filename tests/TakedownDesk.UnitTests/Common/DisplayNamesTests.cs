using System.Reflection;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.UnitTests.Common;

/// <summary>Staff read words, not code names: every enum of the domain has a wording for each member, and lists and text agree.</summary>
public class DisplayNamesTests
{
    public static TheoryData<string> DomainEnums() =>
        [.. typeof(CaseStatus).Assembly.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(DomainEnums))]
    public void Every_member_of_a_domain_enum_has_a_wording_for_people(string enumType)
    {
        var type = typeof(CaseStatus).Assembly.GetType(enumType)!;

        var unnamed = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(member => DisplayNames.Of(member) is null).Select(member => member.Name);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Wording_reads_like_a_sentence_and_flag_combinations_list_each_member()
    {
        Assert.Equal("Not checked yet", LocationStatus.Unknown.Describe());
        Assert.Equal("Digital forgery (AI deepfake)", IncidentKind.DigitalForgery.Describe());
        Assert.Equal("Wet-ink signature", SignatureMethod.WetInk.Describe());
        Assert.Equal("Legal name, E-mail address", (DisclosableDetails.LegalName | DisclosableDetails.Email).Describe());
    }
}
