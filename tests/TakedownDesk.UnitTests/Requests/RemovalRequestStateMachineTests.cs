using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Rules;
using TakedownDesk.Domain.Victims;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Requests;

public class RemovalRequestStateMachineTests
{
    private readonly Scenario s = new();

    // ---- Draft and Ready ----

    [Fact]
    public void A_new_draft_without_elements_is_Draft_and_misses_three_elements()
    {
        var request = s.Draft();

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(3, request.Items.Count);
        Assert.Equal(
            [StatutoryElements.Signature, StatutoryElements.GoodFaithStatement, StatutoryElements.ContactInformation],
            request.MissingElements.Select(m => m.Element));
        Assert.Equal(s.Release!.Id, request.ReleaseId);
        Assert.Equal(s.Case.Id, request.CaseId);
        Assert.Equal(s.Now, request.CreatedAtUtc);
    }

    [Fact]
    public void Completing_every_element_makes_the_request_Ready()
    {
        var request = s.Draft();

        Scenario.Complete(request);

        Assert.Equal(RequestStatus.Ready, request.Status);
        Assert.Empty(request.MissingElements);
        Assert.Equal(Scenario.GoodFaith, request.GoodFaithStatement);
    }

    [Fact]
    public void Clearing_an_element_returns_a_Ready_request_to_Draft()
    {
        var request = s.Ready();

        request.CompleteElements(Scenario.Signature, Scenario.GoodFaith, null, contact: null);

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(StatutoryElements.ContactInformation, Assert.Single(request.MissingElements).Element);
    }

    [Fact]
    public void Removing_every_location_returns_it_to_Draft_and_adding_one_back_makes_it_Ready()
    {
        var request = s.Ready();

        foreach (var id in s.PlatformLocationIds)
        {
            request.RemoveLocation(id);
        }

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(StatutoryElements.IdentificationAndLocation, Assert.Single(request.MissingElements).Element);

        request.AddLocations(s.Case, [s.PlatformLocations[0].Id]);

        Assert.Equal(RequestStatus.Ready, request.Status);
        Assert.Single(request.Items);
    }

    [Fact]
    public void Adding_the_same_location_twice_cites_it_once()
    {
        var id = s.PlatformLocations[0].Id;
        var request = s.Draft(locationIds: [id, id]);

        request.AddLocations(s.Case, [id]);

        var item = Assert.Single(request.Items);
        Assert.Equal(s.PlatformLocations[0].DepictionId, item.DepictionId);
        Assert.Equal(LocationOutcome.Pending, item.Outcome);
    }

    [Fact]
    public void A_draft_for_another_victims_case_is_refused()
    {
        var stranger = new Victim("Someone-else", ConfidentialDetails.None, false, s.Now);
        stranger.RecordRelease("Someone Else", SignerCapacity.Victim, SignatureMethod.WetInk, s.Now.AddDays(-1), s.Now.AddDays(30),
            ReleaseScope.ForAllPlatforms(DisclosableDetails.Email), s.Now);

        Rule.Broken(nameof(RequestMustBeForTheCasesVictim), () =>
            RemovalRequest.Draft(s.Case, Scenario.RequestReference, s.PlatformId, RequestKind.StatutoryRemoval, s.PlatformLocationIds, stranger, s.Now));
    }

    [Fact]
    public void A_draft_to_a_platform_no_release_covers_is_refused()
    {
        Rule.Broken(nameof(NoReleaseNoRequest), () =>
            RemovalRequest.Draft(s.Case, Scenario.RequestReference, s.OtherPlatformId, RequestKind.StatutoryRemoval, [s.OtherPlatformLocation.Id], s.Victim, s.Now));
    }

    [Fact]
    public void A_draft_citing_a_location_of_another_case_is_refused()
    {
        Rule.Broken(nameof(LocationMustBelongToTheCase), () => s.Draft(locationIds: [Guid.NewGuid()]));
    }

    [Fact]
    public void A_statutory_request_citing_a_location_matched_to_another_platform_is_refused()
    {
        Rule.Broken(nameof(StatutoryRequestLocationsMustBeOnItsPlatform), () => s.Draft(locationIds: [s.OtherPlatformLocation.Id]));

        var request = s.Draft();
        Rule.Broken(nameof(StatutoryRequestLocationsMustBeOnItsPlatform), () => request.AddLocations(s.Case, [s.OtherPlatformLocation.Id]));
        Assert.DoesNotContain(request.Items, i => i.LocationId == s.OtherPlatformLocation.Id);
    }

    [Fact]
    public void A_statutory_request_may_cite_a_location_the_directory_did_not_match()
    {
        var request = s.Draft(locationIds: [s.UnmatchedLocation.Id]);

        Assert.Equal(s.UnmatchedLocation.Id, Assert.Single(request.Items).LocationId);
    }

    [Theory]
    [InlineData(RequestKind.ModelLikenessReport)]
    [InlineData(RequestKind.SearchDelisting)]
    [InlineData(RequestKind.TrainingOptOut)]
    [InlineData(RequestKind.FaceSearchOptOut)]
    public void A_non_statutory_request_may_cite_locations_on_other_platforms(RequestKind kind)
    {
        var request = s.Draft(kind, [s.OtherPlatformLocation.Id]);

        Assert.Equal(s.OtherPlatformLocation.Id, Assert.Single(request.Items).LocationId);
    }

    // ---- Submit ----

    [Fact]
    public void Submitting_a_Ready_request_starts_the_clock()
    {
        var request = s.Ready();
        var submission = s.Submission();

        request.Submit(submission, s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Same(submission, request.Submission);
        Assert.Equal(s.Now.AddHours(48), request.DeadlineAtUtc);
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void Submitting_a_Draft_is_refused_and_the_message_lists_the_missing_elements()
    {
        var request = s.Draft();

        var ex = Rule.Broken(nameof(OnlyReadyRequestsCanBeSubmitted), () => request.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now));

        Assert.Contains(StatutoryElements.Signature, ex.Message, StringComparison.Ordinal);
        Assert.Contains(StatutoryElements.GoodFaithStatement, ex.Message, StringComparison.Ordinal);
        Assert.Contains(StatutoryElements.ContactInformation, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StatutoryElements.IdentificationAndLocation, ex.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.Submission);
    }

    [Fact]
    public void Submitting_twice_is_refused()
    {
        var request = s.Submitted();

        var ex = Rule.Broken(nameof(OnlyReadyRequestsCanBeSubmitted), () => request.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now));

        Assert.Contains("Submitted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submitting_after_the_release_expired_is_refused()
    {
        var s = new Scenario(withRelease: false);
        s.RecordRelease(s.Now.AddDays(-10), s.Now.AddHours(1), s.PlatformId);
        var request = s.Ready();
        s.Advance(TimeSpan.FromHours(1));

        Rule.Broken(nameof(NoReleaseNoRequest), () => request.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now));
        Assert.Equal(RequestStatus.Ready, request.Status);
    }

    [Fact]
    public void Submitting_after_the_release_was_revoked_is_refused()
    {
        var request = s.Ready();
        s.Victim.RevokeRelease(s.Release!.Id, "Victim withdrew consent", s.Now);

        Rule.Broken(nameof(NoReleaseNoRequest), () => request.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now));
    }

    [Fact]
    public void Submitting_under_a_release_for_another_platform_only_is_refused()
    {
        var request = s.Ready();
        s.Victim.RevokeRelease(s.Release!.Id, null, s.Now);
        s.RecordRelease(s.Now.AddHours(-1), s.Now.AddDays(30), s.OtherPlatformId);

        Rule.Broken(nameof(NoReleaseNoRequest), () => request.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now));
    }

    [Fact]
    public void Submitting_under_a_newer_all_platforms_release_records_that_release()
    {
        var request = s.Ready();
        s.Victim.RevokeRelease(s.Release!.Id, null, s.Now);
        var replacement = s.RecordRelease(s.Now, s.Now.AddDays(30));

        request.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(replacement.Id, request.ReleaseId);
    }

    [Fact]
    public void Submission_is_checked_against_the_release_in_force_when_it_was_sent()
    {
        // Staff record today a request they sent two hours ago; the release was only signed an hour ago,
        // so at the moment of sending nobody had consented to the disclosure.
        var s = new Scenario(withRelease: false);
        s.RecordRelease(s.Now.AddHours(-1), s.Now.AddDays(30), s.PlatformId);
        var request = s.Ready();

        Rule.Broken(nameof(NoReleaseNoRequest), () => request.Submit(s.Submission(s.Now.AddHours(-2)), s.Victim, Coverage.Covered, s.Now));
    }

    [Fact]
    public void A_recorded_receipt_before_the_release_was_signed_is_refused_even_when_the_submission_is_covered()
    {
        var s = new Scenario(withRelease: false);
        s.RecordRelease(s.Now.AddHours(-1), s.Now.AddDays(30), s.PlatformId);
        var request = s.Ready();

        Rule.Broken(nameof(NoReleaseNoRequest), () => request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: s.Now.AddHours(-3)), s.Victim, Coverage.Covered, s.Now));
        Assert.Equal(RequestStatus.Ready, request.Status);
    }

    [Fact]
    public void A_receipt_before_the_request_was_drafted_is_refused_whether_recorded_or_the_submission_itself()
    {
        var request = s.Ready();
        var drafted = request.CreatedAtUtc;
        s.Advance(TimeSpan.FromHours(2));

        Rule.Broken(nameof(ReceiptCannotPrecedeTheDraft), () =>
            request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: drafted.AddTicks(-1)), s.Victim, Coverage.Covered, s.Now));
        Rule.Broken(nameof(ReceiptCannotPrecedeTheDraft), () => request.Submit(s.Submission(drafted.AddMinutes(-1)), s.Victim, Coverage.Covered, s.Now));
        Assert.Equal(RequestStatus.Ready, request.Status);

        request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: drafted), s.Victim, Coverage.Covered, s.Now);
        Assert.Equal(drafted.AddHours(48), request.DeadlineAtUtc);
    }

    [Fact]
    public void A_recorded_receipt_later_than_the_submission_is_refused()
    {
        var request = s.Ready();

        Rule.Broken(nameof(ReceiptCannotFollowSubmission), () =>
            request.Submit(s.Submission(s.Now.AddHours(-2), recordedReceiptAtUtc: s.Now.AddHours(-2).AddTicks(1)), s.Victim, Coverage.Covered, s.Now));
        Assert.Equal(RequestStatus.Ready, request.Status);
    }

    [Fact]
    public void A_recorded_receipt_equal_to_the_submission_is_accepted()
    {
        var request = s.Ready();

        request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: s.Now), s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void A_submission_in_the_future_is_refused()
    {
        var request = s.Ready();

        Rule.Broken(nameof(SubmissionCannotBeInTheFuture), () => request.Submit(s.Submission(s.Now.AddMinutes(1)), s.Victim, Coverage.Covered, s.Now));
    }

    [Fact]
    public void Changing_the_elements_after_submission_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(OnlyUnsentRequestsCanBeEdited), () => request.CompleteElements(null, null, null, null));
        Assert.NotNull(request.Signature);
    }

    [Fact]
    public void Adding_a_location_after_submission_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(OnlyUnsentRequestsCanBeEdited), () => request.AddLocations(s.Case, [s.UnmatchedLocation.Id]));
        Assert.Equal(3, request.Items.Count);
    }

    [Fact]
    public void Removing_a_location_after_submission_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(OnlyUnsentRequestsCanBeEdited), () => request.RemoveLocation(s.PlatformLocations[0].Id));
        Assert.Equal(3, request.Items.Count);
    }

    // ---- Acknowledgment ----

    [Fact]
    public void An_acknowledgment_moves_Submitted_to_Acknowledged_with_the_platform_number()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(3));

        request.RecordAcknowledgment("  EX-2026-7781 ", s.Now.AddHours(-1), s.Now);

        Assert.Equal(RequestStatus.Acknowledged, request.Status);
        Assert.Equal("EX-2026-7781", request.PlatformRequestNumber);
        Assert.Equal(s.Now.AddHours(-1), request.AcknowledgedAtUtc);
        Assert.Equal(Scenario.Start.UtcDateTime.AddHours(48), request.DeadlineAtUtc);
    }

    [Fact]
    public void An_acknowledgment_of_an_overdue_request_keeps_it_Overdue_but_records_the_number()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(49));
        request.MarkOverdue(s.Now);

        request.RecordAcknowledgment("EX-1", s.Now, s.Now);

        Assert.Equal(RequestStatus.Overdue, request.Status);
        Assert.Equal("EX-1", request.PlatformRequestNumber);
        Assert.Equal(s.Now, request.AcknowledgedAtUtc);
    }

    [Fact]
    public void An_acknowledgment_before_the_receipt_is_refused()
    {
        var request = s.Ready();
        s.Advance(TimeSpan.FromHours(2));
        request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: s.Now.AddHours(-1)), s.Victim, Coverage.Covered, s.Now);

        Rule.Broken(nameof(AcknowledgmentCannotPrecedeReceipt), () => request.RecordAcknowledgment("EX-1", s.Now.AddHours(-1).AddTicks(-1), s.Now));
        request.RecordAcknowledgment("EX-1", s.Now.AddHours(-1), s.Now);
        Assert.Equal(RequestStatus.Acknowledged, request.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_acknowledgment_without_the_request_number_is_refused(string number)
    {
        var request = s.Submitted();

        Rule.Broken(nameof(AcknowledgmentNeedsTheRequestNumber), () => request.RecordAcknowledgment(number, s.Now, s.Now));
        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void An_acknowledgment_in_the_future_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(SubmissionCannotBeInTheFuture), () => request.RecordAcknowledgment("EX-1", s.Now.AddMinutes(5), s.Now));
    }

    [Fact]
    public void An_acknowledgment_of_an_unsent_request_is_refused()
    {
        var request = s.Ready();

        Rule.Broken(nameof(RequestMustBeOpen), () => request.RecordAcknowledgment("EX-1", s.Now, s.Now));
    }

    // ---- Outcomes ----

    [Fact]
    public void An_outcome_for_one_location_keeps_the_request_open()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(5));

        request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, s.Now.AddHours(-1), s.Now);

        Assert.Equal(RequestStatus.Submitted, request.Status);
        var item = request.Items.Single(i => i.LocationId == s.PlatformLocations[0].Id);
        Assert.Equal(LocationOutcome.Removed, item.Outcome);
        Assert.Equal(s.Now.AddHours(-1), item.OutcomeAtUtc);
        Assert.Null(request.ResolvedAtUtc);
    }

    [Fact]
    public void When_every_location_is_decided_the_request_resolves_at_the_latest_outcome()
    {
        var request = s.Submitted();
        var submitted = s.Now;
        s.Advance(TimeSpan.FromHours(30));
        var latest = submitted.AddHours(20);

        request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, latest, s.Now);
        request.RecordOutcome(s.PlatformLocations[1].Id, LocationOutcome.NotRemoved, submitted.AddHours(2), s.Now);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        request.RecordOutcome(s.PlatformLocations[2].Id, LocationOutcome.Removed, submitted.AddHours(10), s.Now);

        Assert.Equal(RequestStatus.Resolved, request.Status);
        Assert.Equal(latest, request.ResolvedAtUtc);
        Assert.False(request.IsOpen);
    }

    [Fact]
    public void An_overdue_request_resolves_when_every_location_is_decided()
    {
        var s = new Scenario();
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(50));
        request.MarkOverdue(s.Now);

        foreach (var id in s.PlatformLocationIds)
        {
            request.RecordOutcome(id, LocationOutcome.Removed, s.Now, s.Now);
        }

        Assert.Equal(RequestStatus.Resolved, request.Status);
        Assert.Equal(s.Now, request.ResolvedAtUtc);
    }

    [Fact]
    public void A_pending_outcome_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(OutcomeMustBeDecided), () => request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Pending, s.Now, s.Now));
    }

    [Fact]
    public void An_outcome_for_a_location_not_in_the_request_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(LocationMustBeInTheRequest), () => request.RecordOutcome(s.UnmatchedLocation.Id, LocationOutcome.Removed, s.Now, s.Now));
    }

    [Fact]
    public void An_outcome_before_the_receipt_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(AcknowledgmentCannotPrecedeReceipt), () =>
            request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, s.Now.AddTicks(-1), s.Now));
    }

    [Fact]
    public void An_outcome_in_the_future_is_refused()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(SubmissionCannotBeInTheFuture), () =>
            request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, s.Now.AddHours(1), s.Now));
    }

    [Fact]
    public void An_outcome_on_an_unsent_or_resolved_request_is_refused()
    {
        var draft = s.Draft();
        Rule.Broken(nameof(RequestMustBeOpen), () => draft.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, s.Now, s.Now));

        var resolved = s.Submitted();
        foreach (var id in s.PlatformLocationIds)
        {
            resolved.RecordOutcome(id, LocationOutcome.Removed, s.Now, s.Now);
        }

        Rule.Broken(nameof(RequestMustBeOpen), () => resolved.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.NotRemoved, s.Now, s.Now));
        Assert.Equal(LocationOutcome.Removed, resolved.Items[0].Outcome);
    }

    // ---- Overdue ----

    [Fact]
    public void MarkOverdue_before_the_deadline_is_refused()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(48) - TimeSpan.FromTicks(1));

        Rule.Broken(nameof(OnlyAPassedDeadlineMakesARequestOverdue), () => request.MarkOverdue(s.Now));
        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void MarkOverdue_exactly_at_the_deadline_is_refused_because_the_platform_still_has_until_then()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(48));

        Rule.Broken(nameof(OnlyAPassedDeadlineMakesARequestOverdue), () => request.MarkOverdue(s.Now));
    }

    [Fact]
    public void MarkOverdue_after_the_deadline_makes_it_Overdue_since_the_deadline()
    {
        var request = s.Submitted();
        var deadline = request.DeadlineAtUtc;
        s.Advance(TimeSpan.FromHours(48) + TimeSpan.FromTicks(1));

        request.MarkOverdue(s.Now);

        Assert.Equal(RequestStatus.Overdue, request.Status);
        Assert.Equal(deadline, request.OverdueSinceUtc);
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void An_acknowledged_request_past_its_deadline_can_be_marked_overdue()
    {
        var request = s.Submitted();
        request.RecordAcknowledgment("EX-1", s.Now, s.Now);
        s.Advance(TimeSpan.FromHours(72));

        request.MarkOverdue(s.Now);

        Assert.Equal(RequestStatus.Overdue, request.Status);
    }

    [Theory]
    [InlineData(RequestKind.ModelLikenessReport)]
    [InlineData(RequestKind.SearchDelisting)]
    [InlineData(RequestKind.TrainingOptOut)]
    [InlineData(RequestKind.FaceSearchOptOut)]
    public void A_non_statutory_request_is_never_overdue(RequestKind kind)
    {
        var request = s.Submitted(kind);
        s.Advance(TimeSpan.FromDays(30));

        Assert.Null(request.DeadlineAtUtc);
        Rule.Broken(nameof(OnlyAPassedDeadlineMakesARequestOverdue), () => request.MarkOverdue(s.Now));
    }

    [Fact]
    public void A_resolved_request_is_never_overdue()
    {
        var request = s.Submitted();
        foreach (var id in s.PlatformLocationIds)
        {
            request.RecordOutcome(id, LocationOutcome.Removed, s.Now, s.Now);
        }

        s.Advance(TimeSpan.FromDays(3));

        Rule.Broken(nameof(OnlyAPassedDeadlineMakesARequestOverdue), () => request.MarkOverdue(s.Now));
        Assert.Equal(RequestStatus.Resolved, request.Status);
    }

    [Fact]
    public void An_overdue_request_cannot_be_marked_overdue_again()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromDays(3));
        request.MarkOverdue(s.Now);

        Rule.Broken(nameof(OnlyAPassedDeadlineMakesARequestOverdue), () => request.MarkOverdue(s.Now));
    }

    // ---- Dispute and resubmission ----

    [Fact]
    public void A_disputed_request_records_the_reason()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(4));

        request.DisputeValidity("  Platform asks for a sworn statement ", s.Now);

        Assert.Equal(RequestStatus.ValidityDisputed, request.Status);
        Assert.Equal("Platform asks for a sworn statement", request.DisputeReason);
        Assert.Equal(s.Now, request.DisputedAtUtc);
        Assert.False(request.IsOpen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_dispute_without_a_reason_is_refused(string reason)
    {
        var request = s.Submitted();

        Rule.Broken(nameof(DisputeNeedsAReason), () => request.DisputeValidity(reason, s.Now));
    }

    [Fact]
    public void An_unsent_request_cannot_be_disputed()
    {
        var request = s.Ready();

        Rule.Broken(nameof(RequestMustBeOpen), () => request.DisputeValidity("Asked for more", s.Now));
    }

    [Fact]
    public void A_request_that_was_not_disputed_cannot_be_resubmitted()
    {
        var request = s.Submitted();

        Rule.Broken(nameof(OnlyDisputedRequestsAreResubmitted), () => request.Resubmit("TD-2026-00042-R2", s.Victim, s.Now));
    }

    [Fact]
    public void A_resubmission_is_a_new_linked_request_carrying_the_elements_and_only_the_locations_not_removed()
    {
        var request = s.Submitted();
        s.Advance(TimeSpan.FromHours(6));
        request.RecordOutcome(s.PlatformLocations[0].Id, LocationOutcome.Removed, s.Now, s.Now);
        request.RecordOutcome(s.PlatformLocations[1].Id, LocationOutcome.NotRemoved, s.Now, s.Now);
        request.DisputeValidity("Asked for the legal name", s.Now);

        var resubmission = request.Resubmit("TD-2026-00042-R2", s.Victim, s.Now);

        Assert.NotEqual(request.Id, resubmission.Id);
        Assert.Equal(request.Id, resubmission.ResubmissionOfId);
        Assert.Equal(resubmission.Id, request.ResubmittedAsId);
        Assert.Equal(RequestStatus.ValidityDisputed, request.Status);
        Assert.Equal(RequestStatus.Ready, resubmission.Status);
        Assert.Equal("TD-2026-00042-R2", resubmission.Reference);
        Assert.Equal(request.PlatformId, resubmission.PlatformId);
        Assert.Equal(request.Kind, resubmission.Kind);
        Assert.Equal(request.Signature, resubmission.Signature);
        Assert.Equal(request.GoodFaithStatement, resubmission.GoodFaithStatement);
        Assert.Equal(request.SupportingFacts, resubmission.SupportingFacts);
        Assert.Equal(request.Contact, resubmission.Contact);
        Assert.Equal(
            new[] { s.PlatformLocations[1].Id, s.PlatformLocations[2].Id }.Order(),
            resubmission.Items.Select(i => i.LocationId).Order());
        Assert.All(resubmission.Items, i => Assert.Equal(LocationOutcome.Pending, i.Outcome));
        Assert.Null(resubmission.Submission);
        Assert.Null(resubmission.DeadlineAtUtc);
    }

    [Fact]
    public void A_resubmission_gets_its_own_clock_when_submitted()
    {
        var request = s.Submitted();
        var firstDeadline = request.DeadlineAtUtc;
        s.Advance(TimeSpan.FromHours(20));
        request.DisputeValidity("Asked for more", s.Now);
        var resubmission = request.Resubmit("TD-2026-00042-R2", s.Victim, s.Now);
        s.Advance(TimeSpan.FromHours(1));

        resubmission.Submit(s.Submission(), s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(s.Now.AddHours(48), resubmission.DeadlineAtUtc);
        Assert.NotEqual(firstDeadline, resubmission.DeadlineAtUtc);
        Assert.Equal(firstDeadline, request.DeadlineAtUtc);
    }

    [Fact]
    public void Resubmitting_twice_is_refused()
    {
        var request = s.Submitted();
        request.DisputeValidity("Asked for more", s.Now);
        var first = request.Resubmit("TD-2026-00042-R2", s.Victim, s.Now);

        var ex = Rule.Broken(nameof(OnlyDisputedRequestsAreResubmitted), () => request.Resubmit("TD-2026-00042-R3", s.Victim, s.Now));

        Assert.Contains("already", ex.Message, StringComparison.Ordinal);
        Assert.Equal(first.Id, request.ResubmittedAsId);
    }

    [Fact]
    public void Resubmitting_without_a_release_in_force_is_refused()
    {
        var request = s.Submitted();
        request.DisputeValidity("Asked for more", s.Now);
        s.Victim.RevokeRelease(s.Release!.Id, null, s.Now);

        Rule.Broken(nameof(NoReleaseNoRequest), () => request.Resubmit("TD-2026-00042-R2", s.Victim, s.Now));
        Assert.Null(request.ResubmittedAsId);
    }
}
