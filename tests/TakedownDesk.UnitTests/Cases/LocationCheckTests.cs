using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Cases;

/// <summary>What automatic checks may conclude: only consecutive 404/410 answers confirm a removal, and a confirmed removal that answers again reopens the work.</summary>
public sealed class LocationCheckTests
{
    private static readonly LocationCheckSchedule Schedule = LocationCheckSchedule.Default;

    private readonly Scenario s = new();

    [Theory]
    [InlineData(200, LocationCheckAnswer.Online)]
    [InlineData(204, LocationCheckAnswer.Online)]
    [InlineData(404, LocationCheckAnswer.Gone)]
    [InlineData(410, LocationCheckAnswer.Gone)]
    [InlineData(403, LocationCheckAnswer.Inconclusive)]
    [InlineData(451, LocationCheckAnswer.Inconclusive)]
    [InlineData(500, LocationCheckAnswer.Inconclusive)]
    [InlineData(301, LocationCheckAnswer.Inconclusive)]
    [InlineData(null, LocationCheckAnswer.Inconclusive)]
    public void Only_2xx_means_online_and_only_404_or_410_means_gone(int? code, LocationCheckAnswer expected)
    {
        Assert.Equal(expected, LocationCheckAnswers.FromStatusCode(code));
    }

    [Fact]
    public void One_404_is_not_a_removal_two_in_a_row_are_and_then_the_location_is_checked_weekly()
    {
        var location = s.PlatformLocations[0];

        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Online, 200, location.Url, s.Now, Schedule);
        Assert.Equal((LocationStatus.Live, s.Now + Schedule.WhileLive), (location.Status, location.NextCheckAtUtc));
        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Gone, 404, location.Url, s.Now, Schedule);
        Assert.Equal((LocationStatus.Live, s.Now + Schedule.ToConfirm), (location.Status, location.NextCheckAtUtc));
        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Gone, 410, location.Url, s.Now, Schedule);

        Assert.Equal((LocationStatus.Removed, s.Now + Schedule.WhileRemoved), (location.Status, location.NextCheckAtUtc));
        Assert.Contains(s.Case.PendingCaseEvents, e => e.Kind == "LocationRemovalConfirmed");
    }

    [Fact]
    public void An_inconclusive_answer_between_two_404s_breaks_the_run()
    {
        var location = s.PlatformLocations[0];

        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Gone, 404, null, s.Now, Schedule);
        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Inconclusive, 503, null, s.Now, Schedule);
        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Gone, 404, null, s.Now, Schedule);

        Assert.Equal((LocationStatus.Unknown, 1), (location.Status, location.ConsecutiveGoneAnswers));
    }

    [Fact]
    public void A_removed_location_that_answers_again_is_live_the_monitored_case_reopens_and_the_fact_is_stated()
    {
        var location = s.PlatformLocations[0];
        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Gone, 404, null, s.Now, Schedule);
        s.Case.RecordCheck(location.Id, LocationCheckAnswer.Gone, 404, null, s.Now, Schedule);
        s.Case.StartMonitoring(s.Now);
        s.Advance(TimeSpan.FromDays(7));

        var check = s.Case.RecordCheck(location.Id, LocationCheckAnswer.Online, 200, location.Url, s.Now, Schedule);

        Assert.Equal((LocationStatus.Live, s.Now), (location.Status, location.ReappearedAtUtc));
        Assert.Equal(CaseStatus.Reopened, s.Case.Status);
        Assert.Contains(new LocationReappeared(s.Case.Id, location.Id, check.Id, s.Now), s.Case.PendingFacts);
        Assert.Contains(new LocationSeenOnline(s.Case.Id, location.Id, check.Id, s.Now), s.Case.PendingFacts);
    }

    [Fact]
    public void No_check_is_recorded_where_staff_switched_checks_off_or_for_a_case_routed_to_ncmec()
    {
        var location = s.PlatformLocations[0];
        s.Case.SwitchLocationChecks(false, s.Now);

        Rule.Broken(nameof(ChecksRunOnlyWhereStaffAllowThem), () => s.Case.RecordCheck(location.Id, LocationCheckAnswer.Online, 200, null, s.Now, Schedule));
        Assert.Equal(LocationStatus.Unknown, location.Status);
        Assert.Contains(s.Case.PendingCaseEvents, e => e.Kind == "LocationChecksOff");

        var minor = new Scenario(possibleMinor: true);
        Rule.Broken(nameof(NoContactWithContentRoutedToNcmec), () => minor.Case.RecordCheck(minor.PlatformLocations[0].Id, LocationCheckAnswer.Online, 200, null, minor.Now, Schedule));
    }

    [Fact]
    public void A_location_seen_online_after_the_deadline_is_noted_on_the_request_once_on_the_timeline_and_latest_on_the_item()
    {
        var request = s.Submitted();
        var location = s.PlatformLocations[0];
        request.ClearCaseEvents();

        request.NoteOnlineAfterDeadline(location.Id, s.Now.AddHours(47));
        Assert.Null(request.Items.Single(i => i.LocationId == location.Id).OnlineAfterDeadlineFirstAtUtc);
        request.NoteOnlineAfterDeadline(location.Id, s.Now.AddHours(49));
        request.NoteOnlineAfterDeadline(location.Id, s.Now.AddHours(55));

        var item = request.Items.Single(i => i.LocationId == location.Id);
        Assert.Equal((s.Now.AddHours(49), s.Now.AddHours(55)), (item.OnlineAfterDeadlineFirstAtUtc, item.OnlineAfterDeadlineLastAtUtc));
        Assert.Equal("OnlineAfterDeadline", Assert.Single(request.PendingCaseEvents).Kind);
    }
}
