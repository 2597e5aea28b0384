using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Common;

/// <summary>Timeline summaries name kinds, references and counts: never a content URL or the victim's name.</summary>
public class PendingCaseEventsTests
{
    private static readonly string[] Secrets =
    [
        Scenario.Pseudonym,
        "Sparrow Seven",
        "example.com",
        "example.org",
        "example.net",
        "https://",
        "sparrow-one",
    ];

    private static void AssertNoPersonalDataOrUrls(IEnumerable<CaseEvent> events)
    {
        foreach (var e in events)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, e.Summary, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Case_events_are_recorded_without_urls_or_the_victims_name()
    {
        var s = new Scenario(possibleMinor: false);
        var @case = new Case(CaseReference.Create(2026, 43), s.Victim.Id, "staff-1", false, s.Now);
        var added = @case.AddLocations([.. Scenario.PlatformUrls.Select(u => Scenario.Candidate(u, s.PlatformId))], null, null, s.Now);
        @case.AddIncident(IncidentKind.DigitalForgery, s.Now, "Forgery of " + Scenario.Pseudonym + " at " + Scenario.PlatformUrls[0], s.Now);
        @case.RecordContentHash(added.Added[0].Id, "pdq:1", s.Now);
        @case.ChangeLocationStatus(added.Added[0].Id, LocationStatus.Removed, "Gone", s.Now);
        @case.Assign("staff-2", "supervisor-1", s.Now, TimeSpan.FromDays(7));
        @case.NoteReleaseRecorded(s.Now);
        @case.NoteReleaseRevoked(s.Now);
        @case.StartMonitoring(s.Now);
        @case.Close(s.Now);
        @case.Reopen(s.Now);
        @case.RouteToNcmec(s.Now);

        Assert.Equal(
            ["CaseOpened", "LocationsAdded", "IncidentRecorded", "ContentHashRecorded", "LocationStatusChanged", "CaseAssigned", "HandoverGraceStarted",
             "ReleaseRecorded", "ReleaseRevoked", "CaseMonitoring", "CaseClosed", "CaseReopened", "RoutedToNcmec"],
            @case.PendingCaseEvents.Select(e => e.Kind));
        Assert.All(@case.PendingCaseEvents, e => Assert.Equal(@case.Id, e.CaseId));
        Assert.All(@case.PendingCaseEvents, e => Assert.Equal(s.Now, e.OccurredAtUtc));
        Assert.Contains("TD-2026-00043", @case.PendingCaseEvents[0].Summary, StringComparison.Ordinal);
        Assert.Contains("3 location(s)", @case.PendingCaseEvents[1].Summary, StringComparison.Ordinal);
        AssertNoPersonalDataOrUrls(@case.PendingCaseEvents);
    }

    [Fact]
    public void Request_events_are_recorded_on_the_case_without_urls_or_the_victims_name()
    {
        var s = new Scenario();
        var request = s.Submitted();
        request.RecordAcknowledgment("EX-1", s.Now, s.Now);
        s.Advance(TimeSpan.FromHours(49));
        request.MarkOverdue(s.Now);
        request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, s.Now, s.Now);
        request.DisputeValidity("Wants " + Scenario.Pseudonym + "'s legal name for " + Scenario.PlatformUrls[1], s.Now);
        var resubmission = request.Resubmit("TD-2026-00042-R2", s.Victim, s.Now);
        resubmission.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now);
        resubmission.RecordOutcome(s.PlatformLocations[1].Id, LocationOutcome.Removed, s.Now, s.Now);
        resubmission.RecordOutcome(s.PlatformLocations[2].Id, LocationOutcome.NotRemoved, s.Now, s.Now);

        Assert.Equal(
            ["RequestDrafted", "RequestSubmitted", "RequestAcknowledged", "RequestOverdue", "OutcomeRecorded", "ValidityDisputed", "RequestResubmitted"],
            request.PendingCaseEvents.Select(e => e.Kind));
        Assert.Equal(
            ["RequestSubmitted", "OutcomeRecorded", "OutcomeRecorded", "RequestResolved"],
            resubmission.PendingCaseEvents.Select(e => e.Kind));
        Assert.All(request.PendingCaseEvents.Concat(resubmission.PendingCaseEvents), e => Assert.Equal(s.Case.Id, e.CaseId));
        Assert.Contains(Scenario.RequestReference, request.PendingCaseEvents[0].Summary, StringComparison.Ordinal);
        AssertNoPersonalDataOrUrls(request.PendingCaseEvents.Concat(resubmission.PendingCaseEvents));
    }

    [Fact]
    public void ClearCaseEvents_empties_the_pending_list()
    {
        var s = new Scenario();
        var request = s.Draft();
        Assert.NotEmpty(request.PendingCaseEvents);

        request.ClearCaseEvents();

        Assert.Empty(request.PendingCaseEvents);
    }

    [Fact]
    public void A_depiction_label_written_by_staff_does_not_leak_into_the_timeline()
    {
        var s = new Scenario();

        s.Case.AddLocations([Scenario.Candidate("https://example.com/new/1", s.PlatformId)], null, Scenario.Pseudonym + " beach photo", s.Now);

        var e = Assert.Single(s.Case.PendingCaseEvents);
        Assert.Equal("LocationsAdded", e.Kind);
        Assert.DoesNotContain(Scenario.Pseudonym, e.Summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_status_change_reason_written_by_staff_does_not_leak_into_the_timeline()
    {
        var s = new Scenario();
        var location = s.PlatformLocations[0];

        s.Case.ChangeLocationStatus(location.Id, LocationStatus.Removed, "Checked " + location.Url + ": 404", s.Now);

        var e = Assert.Single(s.Case.PendingCaseEvents);
        Assert.Equal("LocationStatusChanged", e.Kind);
        Assert.DoesNotContain(location.Url, e.Summary, StringComparison.OrdinalIgnoreCase);
    }
}
