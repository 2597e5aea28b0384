using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.UnitTests.Auditing;

public class AuditEntryTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_entry_follows_from_the_one_before_it_and_only_from_that_one()
    {
        var first = Sealed(null, "staff-1", "OpenCaseCommand");
        var second = Sealed(first, "staff-2", "GetConfidentialDetailsQuery");
        var forged = Sealed(null, "staff-9", "OpenCaseCommand");
        var third = Sealed(second, "staff-1", "ImportPlatformsCommand");

        Assert.Equal((1L, 2L, 3L), (first.Sequence, second.Sequence, third.Sequence));
        Assert.True(first.FollowsFrom(null));
        Assert.True(second.FollowsFrom(first));
        Assert.True(third.FollowsFrom(second));
        Assert.False(third.FollowsFrom(first));
        Assert.NotEqual(first.Hash, forged.Hash);
        Assert.False(second.FollowsFrom(forged));
    }

    [Fact]
    public void An_appended_entry_is_outside_the_chain_until_sealed_and_is_sealed_once()
    {
        var first = Sealed(null, "staff-1", "OpenCaseCommand");
        var appended = new AuditEntry(Now, "staff-2", null, "SetLegalHoldCommand", AuditKind.Command);

        Assert.False(appended.IsSealed);
        Assert.Null(appended.Sequence);
        Assert.False(appended.FollowsFrom(first));

        appended.SealAfter(first);
        Assert.True(appended.FollowsFrom(first));
        Assert.Throws<InvalidOperationException>(() => appended.SealAfter(first));
    }

    [Fact]
    public void An_entry_cannot_be_sealed_after_one_that_is_not_sealed()
    {
        var waiting = new AuditEntry(Now, "staff-1", null, "OpenCaseCommand", AuditKind.Command);
        var next = new AuditEntry(Now, "staff-2", null, "SetLegalHoldCommand", AuditKind.Command);

        Assert.Throws<InvalidOperationException>(() => next.SealAfter(waiting));
    }

    private static AuditEntry Sealed(AuditEntry? previous, string actor, string action)
    {
        var entry = new AuditEntry(Now, actor, Guid.NewGuid(), action, AuditKind.Command);
        entry.SealAfter(previous);
        return entry;
    }
}
