using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Cases;

public class CaseworkTests
{
    private readonly Scenario s = new();

    private Case NewCase() => new(CaseReference.Create(2026, 8), s.Victim.Id, "staff-1", false, s.Now);

    [Fact]
    public void A_note_is_signed_sealed_to_the_victim_and_its_text_never_reaches_the_timeline()
    {
        var @case = NewCase();

        var note = @case.WriteNote("staff-2", "  She asked us to call after six.  ", s.Now);

        Assert.Equal(("staff-2", "She asked us to call after six.", s.Victim.Id, @case.Id, s.Now), (note.AuthorId, note.Text, note.VictimId, note.CaseId, note.WrittenAtUtc));
        var line = @case.PendingCaseEvents[^1];
        Assert.Equal("NoteWritten", line.Kind);
        Assert.DoesNotContain("six", line.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_note_is_refused()
    {
        var refused = Assert.Throws<BusinessRuleViolationException>(() => NewCase().WriteNote("staff-1", "   ", s.Now));

        Assert.Equal(nameof(NoteNeedsText), refused.RuleName);
    }

    [Fact]
    public void A_task_without_an_assignee_goes_to_the_caseworker_and_the_timeline_names_only_its_due_date()
    {
        var @case = NewCase();

        var task = @case.AddTask("Ring the victim about Jane's school", s.Now.AddDays(1), null, false, s.Now);

        Assert.Equal("staff-1", task.AssigneeId);
        Assert.False(task.IsDone);
        Assert.DoesNotContain("Jane", @case.PendingCaseEvents[^1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_for_someone_who_cannot_open_the_case_is_refused_but_one_for_a_supervisor_is_taken()
    {
        var @case = NewCase();

        var refused = Assert.Throws<BusinessRuleViolationException>(() => @case.AddTask("Check", s.Now.AddDays(1), "staff-9", false, s.Now));
        var supervised = @case.AddTask("Review", s.Now.AddDays(1), "supervisor-1", true, s.Now);

        Assert.Equal(nameof(TaskGoesToSomeoneWhoSeesTheCase), refused.RuleName);
        Assert.Equal("supervisor-1", supervised.AssigneeId);
    }

    [Fact]
    public void A_closed_case_takes_no_new_task()
    {
        var @case = NewCase();
        @case.Close(s.Now);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => @case.AddTask("Check", s.Now.AddDays(1), null, false, s.Now));

        Assert.Equal(nameof(ClosedCaseCannotBeChanged), refused.RuleName);
    }

    [Fact]
    public void Done_and_undone_are_recorded_once_each_and_a_second_done_keeps_the_first_time()
    {
        var @case = NewCase();
        var task = @case.AddTask("Check", s.Now.AddDays(1), null, false, s.Now);

        @case.MarkTaskDone(task, true, s.Now.AddHours(1));
        @case.MarkTaskDone(task, true, s.Now.AddHours(2));
        Assert.Equal(s.Now.AddHours(1), task.DoneAtUtc);
        @case.MarkTaskDone(task, false, s.Now.AddHours(3));

        Assert.Null(task.DoneAtUtc);
        Assert.Equal(["TaskAdded", "TaskDone", "TaskReopened"], @case.PendingCaseEvents.Skip(1).Select(e => e.Kind));
    }

    [Fact]
    public void A_task_of_another_case_cannot_be_ticked_through_this_one()
    {
        var other = NewCase();
        var task = other.AddTask("Check", s.Now.AddDays(1), null, false, s.Now);

        var refused = Assert.Throws<BusinessRuleViolationException>(() => NewCase().MarkTaskDone(task, true, s.Now));

        Assert.Equal(nameof(TaskMustBelongToTheCase), refused.RuleName);
        Assert.False(task.IsDone);
    }
}
