using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.UnitTests.Auditing;

public class AuditEntryTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_entry_follows_from_the_one_before_it_and_only_from_that_one()
    {
        var first = new AuditEntry(null, Now, "staff-1", Guid.NewGuid(), "OpenCaseCommand", AuditKind.Command);
        var second = new AuditEntry(first, Now, "staff-2", first.CaseId, "GetConfidentialDetailsQuery", AuditKind.ConfidentialView);
        var forged = new AuditEntry(null, Now, "staff-9", first.CaseId, "OpenCaseCommand", AuditKind.Command);
        var third = new AuditEntry(second, Now, "staff-1", null, "ImportPlatformsCommand", AuditKind.Command);

        Assert.Equal((1, 2, 3), (first.Sequence, second.Sequence, third.Sequence));
        Assert.True(first.FollowsFrom(null));
        Assert.True(second.FollowsFrom(first));
        Assert.True(third.FollowsFrom(second));
        Assert.False(third.FollowsFrom(first));
        Assert.NotEqual(first.Hash, forged.Hash);
        Assert.False(second.FollowsFrom(forged));
    }
}
