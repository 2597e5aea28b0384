using TakedownDesk.Application.Common;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>The staff member the next message is sent as; tests switch it to check per-case access.</summary>
public sealed class TestStaff : ICurrentStaff
{
    public string Id { get; set; } = "caseworker-1";

    public bool SeesAllCases { get; set; }

    /// <summary>The test's FakeTimeProvider, so that advancing it ends a handover's grace.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;
}
