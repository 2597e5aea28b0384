using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Requests.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Requests;

/// <summary>Each kind of request has its own checklist; signature and contact are on every one.</summary>
public class RequestKindElementsTests
{
    private readonly Scenario s = new();

    [Fact]
    public void A_model_report_needs_the_model_its_name_the_likeness_statement_and_the_hubs_policy_clause()
    {
        var missing = ModelLikenessReportElements.MissingFrom(null, 0, null, null);

        Assert.Equal(
            [
                RequiredElements.Signature, ModelLikenessReportElements.ModelLocation, ModelLikenessReportElements.ModelName,
                ModelLikenessReportElements.LikenessStatement, ModelLikenessReportElements.PolicyClause, RequiredElements.ContactInformation,
            ],
            missing.Select(m => m.Element));
        Assert.Empty(ModelLikenessReportElements.MissingFrom(Scenario.Signature, 1, new ModelReportDetails("LoRA", "Her face", "Terms 4.2", null), Scenario.Contact));
    }

    [Fact]
    public void A_model_report_does_not_need_a_related_removal_request()
    {
        var request = s.Ready(RequestKind.ModelLikenessReport);

        Assert.Null(request.ModelReport!.RelatedRemovalRequestReference);
        Assert.Equal(RequestStatus.Ready, request.Status);
    }

    [Fact]
    public void A_search_delisting_needs_result_urls_and_the_searches_that_show_them()
    {
        var missing = SearchDelistingElements.MissingFrom(Scenario.Signature, 0, new SearchDelistingDetails([]), Scenario.Contact);

        Assert.Equal([SearchDelistingElements.ResultUrls, SearchDelistingElements.SearchQueries], missing.Select(m => m.Element));
        Assert.Empty(SearchDelistingElements.MissingFrom(Scenario.Signature, 2, new SearchDelistingDetails(["her name"]), Scenario.Contact));
    }

    [Fact]
    public void A_training_opt_out_needs_what_is_to_be_excluded_but_no_dataset()
    {
        Assert.Equal(
            TrainingOptOutElements.Exclusion,
            Assert.Single(TrainingOptOutElements.MissingFrom(Scenario.Signature, new TrainingOptOutDetails("Faces-2B", null), Scenario.Contact)).Element);
        Assert.Empty(TrainingOptOutElements.MissingFrom(Scenario.Signature, new TrainingOptOutDetails(null, "Her profile photos"), Scenario.Contact));
    }

    [Fact]
    public void A_face_search_opt_out_needs_what_to_remove_and_block_but_no_result_numbers()
    {
        Assert.Equal(
            FaceSearchOptOutElements.Removal,
            Assert.Single(FaceSearchOptOutElements.MissingFrom(Scenario.Signature, new FaceSearchOptOutDetails(null, "Result 8812"), Scenario.Contact)).Element);
        Assert.Empty(FaceSearchOptOutElements.MissingFrom(Scenario.Signature, new FaceSearchOptOutDetails("Every result of her face", null), Scenario.Contact));
        Assert.Equal(3, FaceSearchOptOutElements.MissingFrom(null, null, null).Count);
    }

    [Theory]
    [InlineData(RequestKind.ModelLikenessReport)]
    [InlineData(RequestKind.SearchDelisting)]
    [InlineData(RequestKind.TrainingOptOut)]
    [InlineData(RequestKind.FaceSearchOptOut)]
    public void Every_kind_needs_a_signature_and_contact_and_no_good_faith_statement(RequestKind kind)
    {
        var request = s.Draft(kind);
        request.DescribeKind(Scenario.FieldsOf(kind));

        Assert.Equal([RequiredElements.Signature, RequiredElements.ContactInformation], request.MissingElements.Select(m => m.Element));

        request.CompleteElements(Scenario.Signature, null, null, Scenario.Contact);
        Assert.Equal(RequestStatus.Ready, request.Status);
    }

    [Fact]
    public void Blank_kind_fields_do_not_satisfy_an_element()
    {
        var request = s.Ready(RequestKind.SearchDelisting);

        request.DescribeKind(new KindFields(SearchDelisting: new SearchDelistingDetails(["  ", ""])));

        Assert.Equal(SearchDelistingElements.SearchQueries, Assert.Single(request.MissingElements).Element);
        Assert.Equal(RequestStatus.Draft, request.Status);
    }

    [Theory]
    [InlineData(RequestKind.StatutoryRemoval)]
    [InlineData(RequestKind.SearchDelisting)]
    public void A_request_refuses_another_kinds_fields(RequestKind kind)
    {
        var request = s.Draft(kind);

        var refused = Rule.Broken(nameof(EachKindTakesOnlyItsOwnFields), () => request.DescribeKind(Scenario.FieldsOf(RequestKind.TrainingOptOut)));

        Assert.Contains(nameof(KindFields.TrainingOptOut), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sent_request_keeps_its_kind_fields()
    {
        var request = s.Submitted(RequestKind.TrainingOptOut);

        Rule.Broken(nameof(OnlyUnsentRequestsCanBeEdited), () => request.DescribeKind(KindFields.None));
    }

    [Fact]
    public void A_resubmission_carries_the_kind_fields()
    {
        var request = s.Submitted(RequestKind.ModelLikenessReport);
        request.DisputeValidity("The hub asks for the model name again", s.Now);

        var resubmission = request.Resubmit("TD-2026-00001-R9", s.Victim, s.Now);

        Assert.Equal(request.ModelReport, resubmission.ModelReport);
        Assert.Equal(RequestStatus.Ready, resubmission.Status);
    }

    [Theory]
    [InlineData(RequestKind.ModelLikenessReport)]
    [InlineData(RequestKind.SearchDelisting)]
    [InlineData(RequestKind.TrainingOptOut)]
    [InlineData(RequestKind.FaceSearchOptOut)]
    public void A_non_statutory_request_is_followed_up_after_the_policys_first_follow_up_interval(RequestKind kind)
    {
        var policy = EscalationPolicy.Default with { FirstFollowUpAfterSubmission = TimeSpan.FromDays(5) };
        var request = s.Submitted(kind);

        Assert.Equal(request.Submission!.SubmittedAtUtc.AddDays(5), policy.FollowUpOn(request.Submission.SubmittedAtUtc, request.DeadlineAtUtc));
    }

    [Fact]
    public void A_request_with_a_deadline_or_not_yet_sent_has_no_follow_up_date()
    {
        var statutory = s.Submitted();

        Assert.Null(EscalationPolicy.Default.FollowUpOn(statutory.Submission!.SubmittedAtUtc, statutory.DeadlineAtUtc));
        Assert.Null(EscalationPolicy.Default.FollowUpOn(null, null));
    }
}
