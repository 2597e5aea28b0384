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

        var deadline = StatutoryDeadline.For(RequestKind.StatutoryRemoval, received);

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
        var receipt = s.Now.AddHours(-3);

        var request = s.Submitted(submittedAtUtc: s.Now, recordedReceiptAtUtc: receipt);

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
        Assert.Null(StatutoryDeadline.For(RequestKind.StatutoryRemoval, StatutoryDeadline.DutyBeganUtc.AddTicks(-1)));
        Assert.Null(StatutoryDeadline.For(RequestKind.StatutoryRemoval, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_request_received_at_or_after_the_duty_began_has_a_deadline()
    {
        Assert.Equal(
            StatutoryDeadline.DutyBeganUtc.AddHours(48),
            StatutoryDeadline.For(RequestKind.StatutoryRemoval, StatutoryDeadline.DutyBeganUtc));
        Assert.Equal(
            StatutoryDeadline.DutyBeganUtc.AddTicks(1).AddHours(48),
            StatutoryDeadline.For(RequestKind.StatutoryRemoval, StatutoryDeadline.DutyBeganUtc.AddTicks(1)));
    }

    [Fact]
    public void A_submitted_request_with_a_receipt_recorded_before_the_duty_began_has_no_deadline()
    {
        // The release must already be in force at the receipt (checked at receipt, not at recording).
        var s = new Scenario(withRelease: false);
        s.RecordRelease(StatutoryDeadline.DutyBeganUtc.AddDays(-1), s.Now.AddDays(90), s.PlatformId);

        var request = s.Submitted(recordedReceiptAtUtc: StatutoryDeadline.DutyBeganUtc.AddMinutes(-1));

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.DeadlineAtUtc);
    }

    [Theory]
    [InlineData(RequestKind.ModelLikenessReport)]
    [InlineData(RequestKind.SearchDelisting)]
    [InlineData(RequestKind.TrainingOptOut)]
    public void Non_statutory_kinds_have_no_deadline(RequestKind kind)
    {
        Assert.Null(StatutoryDeadline.For(kind, new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc)));
        Assert.Null(new Scenario().Submitted(kind).DeadlineAtUtc);
    }

    [Fact]
    public void Weekends_count()
    {
        var fridayFive = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(DayOfWeek.Friday, fridayFive.DayOfWeek);

        var deadline = StatutoryDeadline.For(RequestKind.StatutoryRemoval, fridayFive)!.Value;

        Assert.Equal(DayOfWeek.Sunday, deadline.DayOfWeek);
        Assert.Equal(new DateTime(2026, 11, 22, 17, 0, 0, DateTimeKind.Utc), deadline);
    }

    [Fact]
    public void Across_the_autumn_clock_change_the_deadline_is_48_real_hours_and_shows_an_hour_earlier_locally()
    {
        var submittedLocal = new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Unspecified);
        var submittedUtc = TimeZoneInfo.ConvertTimeToUtc(submittedLocal, NewYork);
        Assert.Equal(new DateTime(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc), submittedUtc);
        var s = new Scenario(start: new DateTimeOffset(submittedUtc.AddMinutes(5)));
        var request = s.Ready();

        request.Submit(s.Submission(submittedUtc), s.Victim, s.Now);

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

        var deadline = StatutoryDeadline.For(RequestKind.StatutoryRemoval, submittedUtc)!.Value;

        Assert.Equal(new DateTime(2027, 3, 15, 17, 0, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(new DateTime(2027, 3, 15, 13, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(deadline, NewYork));
    }
}
