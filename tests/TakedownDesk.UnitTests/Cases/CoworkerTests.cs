using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Cases;

/// <summary>Co-workers on a case, and the handover grace that keeps the previous caseworker in for a while.</summary>
public class CoworkerTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly Scenario s = new();

    private Case NewCase() => new(CaseReference.Create(2026, 9), s.Victim.Id, "staff-1", false, s.Now);

    [Fact]
    public void The_caseworker_adds_a_coworker_who_opens_the_case_until_removed_and_not_after()
    {
        var @case = NewCase();

        @case.AddCoworker("staff-2", "staff-1", false, s.Now);
        Assert.True(@case.CanBeOpenedBy("staff-2", s.Now.AddYears(1)));
        @case.RemoveCoworker("staff-2", "staff-1", false, s.Now.AddDays(3));

        Assert.False(@case.CanBeOpenedBy("staff-2", s.Now.AddDays(3)));
        Assert.False(@case.CanBeOpenedBy("staff-3", s.Now));
        var row = Assert.Single(@case.Coworkers);
        Assert.Equal((CoworkerReason.Added, "staff-1", s.Now.AddDays(3)), (row.Reason, row.AddedBy, row.EndsAtUtc));
    }

    [Fact]
    public void A_coworker_cannot_choose_coworkers_but_a_supervisor_can()
    {
        var @case = NewCase();
        @case.AddCoworker("staff-2", "supervisor-1", true, s.Now);

        Rule.Broken(nameof(CoworkersAreChosenByTheCaseworkerOrASupervisor), () => @case.AddCoworker("staff-3", "staff-2", false, s.Now));
        Rule.Broken(nameof(CoworkersAreChosenByTheCaseworkerOrASupervisor), () => @case.RemoveCoworker("staff-2", "staff-2", false, s.Now));
        Rule.Broken(nameof(CaseworkerIsNotTheirOwnCoworker), () => @case.AddCoworker("staff-1", "staff-1", false, s.Now));
        Rule.Broken(nameof(OnlyACurrentCoworkerIsRemoved), () => @case.RemoveCoworker("staff-3", "staff-1", false, s.Now));

        Assert.Single(@case.Coworkers);
    }

    [Fact]
    public void On_reassignment_the_previous_caseworker_keeps_access_for_the_grace_and_loses_it_by_itself_after()
    {
        var @case = NewCase();

        @case.Assign("staff-2", "supervisor-1", s.Now, Week);

        Assert.True(@case.CanBeOpenedBy("staff-1", s.Now.Add(Week).AddTicks(-1)));
        Assert.False(@case.CanBeOpenedBy("staff-1", s.Now.Add(Week)));
        Assert.True(@case.CanBeOpenedBy("staff-2", s.Now.AddYears(1)));
        var grace = Assert.Single(@case.Coworkers);
        Assert.Equal((CoworkerReason.Handover, s.Now.Add(Week)), (grace.Reason, grace.EndsAtUtc));
        Assert.Equal(["CaseAssigned", "HandoverGraceStarted"], @case.PendingCaseEvents.TakeLast(2).Select(e => e.Kind));
    }

    [Fact]
    public void A_coworker_made_caseworker_loses_the_coworker_row_and_adding_a_previous_caseworker_keeps_them_for_good()
    {
        var @case = NewCase();
        @case.AddCoworker("staff-2", "staff-1", false, s.Now);

        @case.Assign("staff-2", "supervisor-1", s.Now, Week);
        @case.AddCoworker("staff-1", "staff-2", false, s.Now.AddDays(1));

        Assert.True(@case.CanBeOpenedBy("staff-1", s.Now.AddYears(1)));
        Assert.Equal([("staff-1", (DateTime?)null), ("staff-2", s.Now)], @case.Coworkers.Select(w => (w.StaffId, w.EndsAtUtc)).OrderBy(w => w.StaffId));
    }

    [Fact]
    public void A_task_can_go_to_a_current_coworker()
    {
        var @case = NewCase();
        @case.AddCoworker("staff-2", "staff-1", false, s.Now);

        var task = @case.AddTask("Call back", s.Now.AddDays(1), "staff-2", false, s.Now);

        Assert.Equal("staff-2", task.AssigneeId);
    }
}
