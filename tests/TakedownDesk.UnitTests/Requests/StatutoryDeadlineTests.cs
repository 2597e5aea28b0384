using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Requests;

public class StatutoryDeadlineTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void The_deadline_is_exactly_48_hours_after_receipt_to_the_tick()
    {
        var received = new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc).AddTicks(1234567);

        var deadline = StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, received);

        Assert.NotNull(deadline);
        Assert.Equal(TimeSpan.FromHours(48).Ticks, (deadline.Value - received).Ticks);
        Assert.Equal(new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc).AddTicks(1234567), deadline);
    }

    [Fact]
    public void A_submitted_request_is_due_48_hours_after_submission()
    {
        var s = new Scenario();

        var request = s.Submitted();

        Assert.Equal(Scenario.Start.UtcDateTime.AddHours(48), request.DeadlineAtUtc);
    }

    [Fact]
    public void An_earlier_recorded_receipt_shortens_the_deadline()
    {
        var s = new Scenario();
        var request = s.Ready();
        s.Advance(TimeSpan.FromHours(5));
        var receipt = s.Now.AddHours(-3);

        request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: receipt), s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(receipt.AddHours(48), request.DeadlineAtUtc);
        Assert.Equal(s.Now.AddHours(45), request.DeadlineAtUtc);
    }

    [Fact]
    public void The_duty_began_at_midnight_on_2026_05_19_in_Washington()
    {
        var localMidnight = new DateTime(2026, 5, 19, 0, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(localMidnight, NewYork), StatutoryDeadline.DutyBeganUtc);
        Assert.Equal(DateTimeKind.Utc, StatutoryDeadline.DutyBeganUtc.Kind);
    }

    [Fact]
    public void A_request_received_before_the_duty_began_has_no_deadline()
    {
        Assert.Null(StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, StatutoryDeadline.DutyBeganUtc.AddTicks(-1)));
        Assert.Null(StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_request_received_at_or_after_the_duty_began_has_a_deadline()
    {
        Assert.Equal(
            StatutoryDeadline.DutyBeganUtc.AddHours(48),
            StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, StatutoryDeadline.DutyBeganUtc));
        Assert.Equal(
            StatutoryDeadline.DutyBeganUtc.AddTicks(1).AddHours(48),
            StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, StatutoryDeadline.DutyBeganUtc.AddTicks(1)));
    }

    [Fact]
    public void A_submitted_request_with_a_receipt_recorded_before_the_duty_began_has_no_deadline()
    {
        // Drafted before the duty began, under a release already in force; recorded once the duty had begun.
        var s = new Scenario(start: new DateTimeOffset(StatutoryDeadline.DutyBeganUtc.AddDays(-2)));
        var request = s.Ready();
        s.Advance(TimeSpan.FromDays(3));

        request.Submit(s.Submission(s.Now, recordedReceiptAtUtc: StatutoryDeadline.DutyBeganUtc.AddMinutes(-1)), s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.DeadlineAtUtc);
    }

    [Fact]
    public void A_statutory_request_to_an_excluded_platform_has_no_deadline_and_plans_no_deadline_escalations()
    {
        var s = new Scenario();
        var request = s.Ready();

        request.Submit(s.Submission(), s.Victim, Coverage.Excluded, s.Now);

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.DeadlineAtUtc);
        var submitted = Assert.Single(request.PendingFacts.OfType<RequestSubmitted>());
        Assert.Null(submitted.DeadlineAtUtc);
        Assert.Equal(
            [EscalationKind.FollowUp7d, EscalationKind.FollowUp30d],
            EscalationPolicy.Default.PlanFor(submitted).Select(step => step.Kind));
        Assert.Null(StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Excluded, s.Now));
        Assert.False(StatutoryDeadline.Applies(RequestKind.StatutoryRemoval, Coverage.Excluded));
    }

    [Fact]
    public void A_platform_of_unknown_coverage_is_held_to_the_deadline()
    {
        var s = new Scenario();
        var request = s.Ready();

        request.Submit(s.Submission(), s.Victim, Coverage.Unknown, s.Now);

        Assert.Equal(s.Now.AddHours(48), request.DeadlineAtUtc);
    }

    [Fact]
    public void Only_a_request_with_a_deadline_is_told_48_hours_is_the_latest()
    {
        var deadline = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

        Assert.Equal(StatutoryDeadline.AsSoonAsPossibleNote, StatutoryDeadline.NoteFor(RequestKind.StatutoryRemoval, Coverage.Covered, deadline));
        Assert.Null(StatutoryDeadline.NoteFor(RequestKind.StatutoryRemoval, Coverage.Covered, null));
        Assert.Null(StatutoryDeadline.NoteFor(RequestKind.SearchDelisting, Coverage.Covered, null));
        Assert.Equal(StatutoryDeadline.OutsideCoverageNote, StatutoryDeadline.NoteFor(RequestKind.StatutoryRemoval, Coverage.Excluded, null));
        Assert.DoesNotContain("48 hours is the latest", StatutoryDeadline.OutsideCoverageNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RequestKind.ModelLikenessReport)]
    [InlineData(RequestKind.SearchDelisting)]
    [InlineData(RequestKind.TrainingOptOut)]
    [InlineData(RequestKind.FaceSearchOptOut)]
    public void Non_statutory_kinds_have_no_deadline(RequestKind kind)
    {
        Assert.Null(StatutoryDeadline.For(kind, Coverage.Covered, new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc)));
        Assert.Null(new Scenario().Submitted(kind).DeadlineAtUtc);
    }

    [Fact]
    public void Weekends_count()
    {
        var fridayFive = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(DayOfWeek.Friday, fridayFive.DayOfWeek);

        var deadline = StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, fridayFive)!.Value;

        Assert.Equal(DayOfWeek.Sunday, deadline.DayOfWeek);
        Assert.Equal(new DateTime(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_deadline_is_48_real_hours_and_shows_an_hour_earlier_locally()
    {
        var submittedLocal = new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Unspecified);
        var submittedUtc = TimeZoneInfo.ConvertTimeToUtc(submittedLocal, NewYork);
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), submittedUtc);
        var s = new Scenario(start: new DateTimeOffset(submittedUtc.AddMinutes(-5)));
        var request = s.Ready();
        s.Advance(TimeSpan.FromMinutes(10));

        request.Submit(s.Submission(submittedUtc), s.Victim, Coverage.Covered, s.Now);

        Assert.Equal(submittedUtc.AddHours(48), request.DeadlineAtUtc);
        var deadlineLocal = TimeZoneInfo.ConvertTimeFromUtc(request.DeadlineAtUtc!.Value, NewYork);
        Assert.Equal(new DateTime(2026, 11, 2, 11, 0, 0), deadlineLocal);
    }

    [Fact]
    public void Across_the_spring_clock_change_the_deadline_is_48_real_hours_and_shows_an_hour_later_locally()
    {
        var submittedLocal = new DateTime(2027, 3, 13, 12, 0, 0, DateTimeKind.Unspecified);
        var submittedUtc = TimeZoneInfo.ConvertTimeToUtc(submittedLocal, NewYork);
        Assert.Equal(new DateTime(2027, 3, 13, 17, 0, 0, DateTimeKind.Utc), submittedUtc);

        var deadline = StatutoryDeadline.For(RequestKind.StatutoryRemoval, Coverage.Covered, submittedUtc)!.Value;

        Assert.Equal(new DateTime(2027, 3, 15, 17, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(new DateTime(2027, 3, 15, 13, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(deadline, NewYork));
    }
}
