namespace TakedownDesk.Domain.Cases;

/// <summary>How soon a location is checked again after an answer; the organisation sets these intervals.</summary>
/// <param name="WhileLive">After an online (or first) answer: the platform is still expected to act.</param>
/// <param name="ToConfirm">After a first 404/410: soon, so that a removal is confirmed quickly.</param>
/// <param name="WhileRemoved">After a confirmed removal: weekly, to catch a re-upload at the same address.</param>
/// <param name="AfterInconclusive">After an answer that says nothing (timeouts, 5xx).</param>
public sealed record LocationCheckSchedule(TimeSpan WhileLive, TimeSpan ToConfirm, TimeSpan WhileRemoved, TimeSpan AfterInconclusive)
{
    public static LocationCheckSchedule Default { get; } =
        new(TimeSpan.FromHours(6), TimeSpan.FromHours(1), TimeSpan.FromDays(7), TimeSpan.FromHours(6));
}
