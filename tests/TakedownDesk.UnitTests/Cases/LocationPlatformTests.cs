using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Cases;

/// <summary>A location whose host matched no directory entry gets its platform from staff; a matched one keeps the directory's.</summary>
public class LocationPlatformTests
{
    private readonly Scenario s = new();

    [Fact]
    public void An_unmatched_location_takes_the_platform_staff_name_and_the_timeline_says_so()
    {
        s.Case.AssignLocationToPlatform(s.UnmatchedLocation.Id, s.OtherPlatformId, s.Now);

        Assert.Equal(s.OtherPlatformId, s.UnmatchedLocation.PlatformId);
        Assert.Equal("LocationPlatformAssigned", s.Case.PendingCaseEvents[^1].Kind);
    }

    [Fact]
    public void A_location_the_directory_matched_keeps_its_platform()
    {
        var matched = s.PlatformLocations[0];

        Rule.Broken(nameof(OnlyAnUnmatchedLocationIsAssignedAPlatform), () => s.Case.AssignLocationToPlatform(matched.Id, s.OtherPlatformId, s.Now));

        Assert.Equal(s.PlatformId, matched.PlatformId);
    }

    [Fact]
    public void A_closed_case_or_another_cases_location_is_refused()
    {
        Rule.Broken(nameof(LocationMustBelongToTheCase), () => s.Case.AssignLocationToPlatform(Guid.NewGuid(), s.PlatformId, s.Now));
        s.Case.Close(s.Now);

        Rule.Broken(nameof(ClosedCaseCannotBeChanged), () => s.Case.AssignLocationToPlatform(s.UnmatchedLocation.Id, s.PlatformId, s.Now));
        Assert.Null(s.UnmatchedLocation.PlatformId);
    }
}
