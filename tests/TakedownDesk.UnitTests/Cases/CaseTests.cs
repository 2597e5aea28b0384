using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Cases;

public class CaseTests
{
    private readonly Scenario s = new();

    private Case NewCase(bool possibleMinor = false) =>
        new(CaseReference.Create(2026, 7), s.Victim.Id, "staff-1", possibleMinor, s.Now);

    private static CandidateLocation Candidate(string url) => Scenario.Candidate(url, null);

    // ---- Opening and assignment ----

    [Fact]
    public void A_legal_hold_is_set_and_lifted_once_each_and_leaves_a_timeline_line()
    {
        var @case = NewCase();

        @case.SetLegalHold(true, s.Now);
        @case.SetLegalHold(true, s.Now);
        @case.SetLegalHold(false, s.Now);

        Assert.False(@case.LegalHold);
        Assert.Equal(["CaseOpened", "LegalHoldSet", "LegalHoldLifted"], @case.PendingCaseEvents.Select(e => e.Kind));
    }

    [Fact]
    public void Locations_belong_to_the_victim_of_their_case()
    {
        var @case = NewCase();

        var added = @case.AddLocations([Candidate("https://x.com/a/status/1")], null, null, s.Now);

        Assert.Equal(s.Victim.Id, Assert.Single(added.Added).VictimId);
    }

    [Fact]
    public void A_new_case_is_open_with_its_reference_and_records_the_opening()
    {
        var @case = NewCase();

        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal("TD-2026-00007", @case.Reference);
        Assert.Equal(2026, @case.ReferenceYear);
        Assert.Equal(7, @case.ReferenceNumber);
        Assert.Equal(s.Now, @case.OpenedAtUtc);
        Assert.Null(@case.ClosedAtUtc);
        Assert.False(@case.RoutedToNcmec);
        var opened = Assert.Single(@case.PendingCaseEvents);
        Assert.Equal("CaseOpened", opened.Kind);
        Assert.Equal(@case.Id, opened.CaseId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_case_must_be_assigned(string staffId)
    {
        Rule.Broken(nameof(CaseMustBeAssigned), () => _ = new Case(CaseReference.Create(2026, 1), s.Victim.Id, staffId, false, s.Now));

        var @case = NewCase();
        Rule.Broken(nameof(CaseMustBeAssigned), () => @case.Assign(staffId, "supervisor-1", s.Now, TimeSpan.FromDays(7)));
        Assert.Equal("staff-1", @case.AssignedStaffId);
    }

    [Fact]
    public void A_case_can_be_reassigned()
    {
        var @case = NewCase();

        @case.Assign("staff-2", "supervisor-1", s.Now, TimeSpan.Zero);

        Assert.Equal("staff-2", @case.AssignedStaffId);
        Assert.Equal("CaseAssigned", @case.PendingCaseEvents[^1].Kind);
        Assert.Empty(@case.Coworkers);
    }

    // ---- Status transitions ----

    [Fact]
    public void Open_to_monitoring_to_closed_to_reopened_is_legal()
    {
        var @case = NewCase();

        @case.StartMonitoring(s.Now);
        Assert.Equal(CaseStatus.Monitoring, @case.Status);

        s.Advance(TimeSpan.FromDays(10));
        @case.Close(s.Now);
        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(s.Now, @case.ClosedAtUtc);

        @case.Reopen(s.Now);
        Assert.Equal(CaseStatus.Reopened, @case.Status);
        Assert.Null(@case.ClosedAtUtc);

        @case.StartMonitoring(s.Now);
        Assert.Equal(CaseStatus.Monitoring, @case.Status);
        Assert.Equal(
            ["CaseOpened", "CaseMonitoring", "CaseClosed", "CaseReopened", "CaseMonitoring"],
            @case.PendingCaseEvents.Select(e => e.Kind));
    }

    [Fact]
    public void Open_and_reopened_cases_can_be_closed_directly()
    {
        var @case = NewCase();
        @case.Close(s.Now);
        @case.Reopen(s.Now);

        @case.Close(s.Now);

        Assert.Equal(CaseStatus.Closed, @case.Status);
    }

    [Fact]
    public void Closing_a_closed_case_is_refused()
    {
        var @case = NewCase();
        @case.Close(s.Now);

        var ex = Rule.Broken(nameof(CaseStatusMustAllow), () => @case.Close(s.Now));
        Assert.Contains("Closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopening_an_open_case_is_refused()
    {
        var @case = NewCase();

        Rule.Broken(nameof(CaseStatusMustAllow), () => @case.Reopen(s.Now));
        Assert.Equal(CaseStatus.Open, @case.Status);
    }

    [Fact]
    public void Monitoring_a_closed_or_monitored_case_is_refused()
    {
        var @case = NewCase();
        @case.StartMonitoring(s.Now);
        Rule.Broken(nameof(CaseStatusMustAllow), () => @case.StartMonitoring(s.Now));

        @case.Close(s.Now);
        Rule.Broken(nameof(CaseStatusMustAllow), () => @case.StartMonitoring(s.Now));
        Assert.Equal(CaseStatus.Closed, @case.Status);
    }

    [Fact]
    public void A_closed_case_refuses_new_incidents_locations_and_moves()
    {
        var @case = s.Case;
        @case.Close(s.Now);

        Rule.Broken(nameof(ClosedCaseCannotBeChanged), () => @case.AddIncident(IncidentKind.DigitalForgery, s.Now, "x", s.Now));
        Rule.Broken(nameof(ClosedCaseCannotBeChanged), () => @case.AddLocations([Candidate("https://example.com/new")], null, null, s.Now));
        Rule.Broken(nameof(ClosedCaseCannotBeChanged), () => @case.MoveLocationToDepiction(s.PlatformLocations[0].Id, s.PlatformLocations[0].DepictionId));
        Assert.Empty(@case.Incidents);
        Assert.Equal(5, @case.Locations.Count);
    }

    // ---- Incidents ----

    [Fact]
    public void An_incident_is_recorded_with_its_kind()
    {
        var @case = NewCase();

        var incident = @case.AddIncident(IncidentKind.DigitalForgery, s.Now.AddDays(-2), "  AI-made image on a forum ", s.Now);

        Assert.Same(incident, Assert.Single(@case.Incidents));
        Assert.Equal(IncidentKind.DigitalForgery, incident.Kind);
        Assert.Equal("AI-made image on a forum", incident.Description);
        Assert.Equal(s.Now.AddDays(-2), incident.DiscoveredAtUtc);
        Assert.Equal(s.Now, incident.RecordedAtUtc);
    }

    [Fact]
    public void An_incident_discovered_in_the_future_is_refused()
    {
        var @case = NewCase();

        Rule.Broken(nameof(IncidentCannotBeDiscoveredInTheFuture), () => @case.AddIncident(IncidentKind.ThreatToPublish, s.Now.AddTicks(1), "threat", s.Now));
        @case.AddIncident(IncidentKind.ThreatToPublish, s.Now, "threat", s.Now);
        Assert.Single(@case.Incidents);
    }

    // ---- Locations and depictions ----

    [Fact]
    public void Pasted_locations_become_live_copies_of_one_new_depiction()
    {
        var @case = NewCase();
        var platform = Guid.NewGuid();

        var result = @case.AddLocations([Scenario.Candidate("https://www.example.com/a", platform), Candidate("https://example.org/b")], null, "  Beach photo edit ", s.Now);

        Assert.Equal(2, result.Added.Count);
        Assert.Empty(result.AlreadyRecorded);
        var depiction = Assert.Single(@case.Depictions);
        Assert.Equal("Beach photo edit", depiction.Label);
        Assert.All(@case.Locations, l => Assert.Equal(depiction.Id, l.DepictionId));
        var first = @case.Locations[0];
        Assert.Equal("https://www.example.com/a", first.Url);
        Assert.Equal("example.com", first.Domain);
        Assert.Equal(NormalizedUrl.Create("https://www.example.com/a").Key, first.UrlKey);
        Assert.Equal(platform, first.PlatformId);
        Assert.Null(@case.Locations[1].PlatformId);
        Assert.Equal(LocationStatus.Unknown, first.Status);
        Assert.Equal(LocationStatus.Unknown, Assert.Single(first.History).Status);
        Assert.Equal(s.Now, first.NextCheckAtUtc);
    }

    [Fact]
    public void A_depiction_without_a_label_is_numbered()
    {
        var @case = NewCase();

        @case.AddLocations([Candidate("https://example.com/1")], null, null, s.Now);
        @case.AddLocations([Candidate("https://example.com/2")], null, "   ", s.Now);

        Assert.Equal(["Depiction 1", "Depiction 2"], @case.Depictions.Select(d => d.Label));
    }

    [Fact]
    public void The_same_url_twice_in_one_paste_is_added_once()
    {
        var @case = NewCase();

        var result = @case.AddLocations(
            [Candidate("https://example.com/a"), Candidate("HTTPS://EXAMPLE.COM:443/a#again")], null, null, s.Now);

        var added = Assert.Single(result.Added);
        Assert.Same(added, Assert.Single(result.AlreadyRecorded));
        Assert.Single(@case.Locations);
    }

    [Fact]
    public void A_url_the_case_already_holds_is_reported_not_added_again()
    {
        var @case = NewCase();
        var first = @case.AddLocations([Candidate("https://example.com/a")], null, null, s.Now).Added[0];

        var result = @case.AddLocations([Candidate("https://example.com/a#x"), Candidate("https://example.com/b")], null, null, s.Now);

        Assert.Same(first, Assert.Single(result.AlreadyRecorded));
        Assert.Equal("https://example.com/b", Assert.Single(result.Added).Url);
        Assert.Equal(2, @case.Locations.Count);
    }

    [Fact]
    public void A_paste_of_only_known_urls_creates_no_depiction_and_records_no_event()
    {
        var @case = NewCase();
        @case.AddLocations([Candidate("https://example.com/a")], null, null, s.Now);
        @case.ClearCaseEvents();

        var result = @case.AddLocations([Candidate("https://example.com/a")], null, "Unused", s.Now);

        Assert.Empty(result.Added);
        Assert.Single(@case.Depictions);
        Assert.Empty(@case.PendingCaseEvents);
    }

    [Fact]
    public void Locations_can_be_added_to_an_existing_depiction()
    {
        var @case = NewCase();
        var first = @case.AddLocations([Candidate("https://example.com/a")], null, null, s.Now).Added[0];

        var copy = @case.AddLocations([Candidate("https://mirror.example.net/a")], first.DepictionId, null, s.Now).Added[0];

        Assert.Equal(first.DepictionId, copy.DepictionId);
        Assert.Single(@case.Depictions);
    }

    [Fact]
    public void Adding_to_a_depiction_of_another_case_is_refused()
    {
        var @case = NewCase();

        Rule.Broken(nameof(DepictionMustBelongToTheCase), () => @case.AddLocations([Candidate("https://example.com/a")], Guid.NewGuid(), null, s.Now));
        Assert.Empty(@case.Locations);
    }

    [Fact]
    public void A_location_can_be_moved_to_another_depiction_of_the_case()
    {
        var @case = NewCase();
        var a = @case.AddLocations([Candidate("https://example.com/a")], null, "Original", s.Now).Added[0];
        var b = @case.AddLocations([Candidate("https://example.com/b")], null, "Crop", s.Now).Added[0];

        @case.MoveLocationToDepiction(a.Id, b.DepictionId);

        Assert.Equal(b.DepictionId, a.DepictionId);
        Rule.Broken(nameof(DepictionMustBelongToTheCase), () => @case.MoveLocationToDepiction(a.Id, Guid.NewGuid()));
        Rule.Broken(nameof(LocationMustBelongToTheCase), () => @case.MoveLocationToDepiction(Guid.NewGuid(), b.DepictionId));
    }

    [Fact]
    public void Finding_a_location_of_another_case_is_refused()
    {
        Rule.Broken(nameof(LocationMustBelongToTheCase), () => s.Case.FindLocation(Guid.NewGuid()));
        Assert.Same(s.UnmatchedLocation, s.Case.FindLocation(s.UnmatchedLocation.Id));
    }

    [Fact]
    public void A_location_status_change_is_kept_in_its_history_and_recorded_once()
    {
        var location = s.PlatformLocations[0];
        s.Advance(TimeSpan.FromHours(1));

        s.Case.ChangeLocationStatus(location.Id, LocationStatus.Removed, "Returns 404", s.Now);
        s.Case.ChangeLocationStatus(location.Id, LocationStatus.Removed, "Still 404", s.Now);

        Assert.Equal(LocationStatus.Removed, location.Status);
        Assert.Equal([LocationStatus.Unknown, LocationStatus.Removed], location.History.Select(h => h.Status));
        Assert.Equal(s.Now, location.History[^1].AtUtc);
        Assert.Equal("LocationStatusChanged", Assert.Single(s.Case.PendingCaseEvents).Kind);
    }

    // ---- The minor gate ----

    [Fact]
    public void A_case_for_a_possible_minor_is_routed_to_NCMEC_and_says_so_on_the_timeline()
    {
        var @case = NewCase(possibleMinor: true);

        Assert.True(@case.RoutedToNcmec);
        Assert.Equal(["CaseOpened", "RoutedToNcmec"], @case.PendingCaseEvents.Select(e => e.Kind));
    }

    [Fact]
    public void No_hash_is_stored_for_a_possible_minor()
    {
        var minor = new Scenario(possibleMinor: true);
        var location = minor.PlatformLocations[0];

        Rule.Broken(nameof(NoImageDataForPossibleMinors), () => minor.Case.RecordContentHash(location.Id, "pdq:abcdef", minor.Now));
        Assert.Null(location.ContentHash);
        Assert.Empty(minor.Case.PendingCaseEvents);
    }

    [Fact]
    public void Routing_to_NCMEC_later_clears_existing_hashes_and_blocks_new_ones()
    {
        var @case = s.Case;
        @case.RecordContentHash(s.PlatformLocations[0].Id, "pdq:1111", s.Now);
        @case.RecordContentHash(s.PlatformLocations[1].Id, "pdq:2222", s.Now);

        @case.RouteToNcmec(s.Now);

        Assert.True(@case.RoutedToNcmec);
        Assert.All(@case.Locations, l => Assert.Null(l.ContentHash));
        Assert.Equal("RoutedToNcmec", @case.PendingCaseEvents[^1].Kind);
        Rule.Broken(nameof(NoImageDataForPossibleMinors), () => @case.RecordContentHash(s.PlatformLocations[0].Id, "pdq:1111", s.Now));
    }

    [Fact]
    public void Routing_to_NCMEC_twice_records_it_once()
    {
        var @case = NewCase(possibleMinor: true);

        @case.RouteToNcmec(s.Now);

        Assert.Single(@case.PendingCaseEvents, e => e.Kind == "RoutedToNcmec");
    }

    [Fact]
    public void For_an_adult_a_hash_computed_elsewhere_is_stored()
    {
        var location = s.PlatformLocations[0];

        s.Case.RecordContentHash(location.Id, "  stopncii:9f86d081 ", s.Now);

        Assert.Equal("stopncii:9f86d081", location.ContentHash);
        Assert.Equal("ContentHashRecorded", Assert.Single(s.Case.PendingCaseEvents).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_hash_is_refused(string hash)
    {
        Rule.Broken(nameof(ContentHashMustBeGiven), () => s.Case.RecordContentHash(s.PlatformLocations[0].Id, hash, s.Now));
    }

    [Fact]
    public void A_hash_for_a_location_of_another_case_is_refused()
    {
        Rule.Broken(nameof(LocationMustBelongToTheCase), () => s.Case.RecordContentHash(Guid.NewGuid(), "pdq:1", s.Now));
    }
}
