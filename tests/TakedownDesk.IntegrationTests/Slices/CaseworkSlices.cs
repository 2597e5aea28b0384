using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Casework;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Victims.Rules;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>Notes and tasks on a case: stored, shown newest first, on the board in their bucket, and reached only by who may open the case.</summary>
public abstract class CaseworkSlices(TestDatabase database)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Staff:Members:0:Id"] = "caseworker-1",
        ["Staff:Members:0:Email"] = "casey@helpline.example",
        ["Staff:Members:1:Id"] = "supervisor-1",
        ["Staff:Members:1:Email"] = "sam@helpline.example",
        ["Staff:Members:1:Role"] = "Supervisor",
        ["Staff:Members:2:Id"] = "caseworker-2",
        ["Staff:Members:2:Email"] = "cass@helpline.example",
    };

    [Fact]
    public async Task Notes_come_back_newest_first_with_their_author_and_time()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        await app.Send(new WriteCaseNoteCommand(opened.CaseId, "Called the victim; she prefers e-mail."));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await app.Send(new WriteCaseNoteCommand(opened.CaseId, "  X acknowledged by phone.  "));

        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(["X acknowledged by phone.", "Called the victim; she prefers e-mail."], detail.Notes.Select(n => n.Text));
        Assert.All(detail.Notes, n => Assert.Equal("caseworker-1", n.AuthorId));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, detail.Notes[0].WrittenAtUtc);
        Assert.Equal(2, detail.Timeline.Count(t => t.Kind == "NoteWritten"));
    }

    [Fact]
    public async Task An_empty_note_is_refused_beside_its_field_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(new WriteCaseNoteCommand(opened.CaseId, " ")));

        Assert.Contains("Text", refused.Errors.Keys);
        Assert.Empty((await app.Query(new GetCaseDetailQuery(opened.CaseId))).Notes);
    }

    [Fact]
    public async Task A_task_goes_to_the_caseworker_and_onto_the_board_overdue_once_its_time_passes_and_off_it_when_done()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var due = app.Time.GetUtcNow().AddHours(30);

        var taskId = await app.Send(new AddCaseTaskCommand(opened.CaseId, "Call the victim back", due, null));

        var row = Assert.Single((await app.Query(new GetDeadlineBoardQuery(48))).Tasks);
        Assert.Equal((taskId, "Call the victim back", opened.CaseId, opened.Reference, Samples.Pseudonym, due.UtcDateTime, false, "caseworker-1"),
            (row.TaskId, row.Title, row.CaseId, row.CaseReference, row.Pseudonym, row.DueAtUtc, row.Overdue, row.AssigneeId));
        Assert.Empty((await app.Query(new GetDeadlineBoardQuery(24))).Tasks);

        app.Time.Advance(TimeSpan.FromHours(31));
        Assert.True(Assert.Single((await app.Query(new GetDeadlineBoardQuery(24))).Tasks).Overdue);

        await app.Send(new MarkCaseTaskDoneCommand(opened.CaseId, taskId, true));
        Assert.Empty((await app.Query(new GetDeadlineBoardQuery(24))).Tasks);
        var done = Assert.Single((await app.Query(new GetCaseDetailQuery(opened.CaseId))).Tasks);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, done.DoneAtUtc);

        await app.Send(new MarkCaseTaskDoneCommand(opened.CaseId, taskId, false));
        Assert.Single((await app.Query(new GetDeadlineBoardQuery(24))).Tasks);
    }

    [Fact]
    public async Task Another_caseworker_neither_sees_the_tasks_on_the_board_nor_reaches_the_case_notes_or_tasks()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var taskId = await app.Send(new AddCaseTaskCommand(opened.CaseId, "Check the mirror site", app.Time.GetUtcNow().AddHours(2), null));

        app.Staff.Id = "caseworker-2";

        Assert.Empty((await app.Query(new GetDeadlineBoardQuery(48))).Tasks);
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new WriteCaseNoteCommand(opened.CaseId, "Not mine")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new AddCaseTaskCommand(opened.CaseId, "Not mine", app.Time.GetUtcNow().AddHours(1), null)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new MarkCaseTaskDoneCommand(opened.CaseId, taskId, true)));

        app.Staff.Id = "supervisor-1";
        app.Staff.SeesAllCases = true;
        Assert.Single((await app.Query(new GetDeadlineBoardQuery(48))).Tasks);
    }

    [Fact]
    public async Task A_task_can_go_to_a_supervisor_but_not_to_a_caseworker_who_cannot_open_the_case()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        var due = app.Time.GetUtcNow().AddDays(2);

        await app.Send(new AddCaseTaskCommand(opened.CaseId, "Review the FTC pack", due, "supervisor-1"));
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new AddCaseTaskCommand(opened.CaseId, "Someone else's", due, "caseworker-2")));

        Assert.Contains("cannot open this case", refused.Message, StringComparison.Ordinal);
        Assert.Equal("supervisor-1", Assert.Single((await app.Query(new GetCaseDetailQuery(opened.CaseId))).Tasks).AssigneeId);
    }

    [Fact]
    public async Task Flagging_a_possible_minor_after_intake_routes_every_case_of_the_victim_to_ncmec_and_stops_the_checks_as_intake_does()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001"));
        var location = opened.Locations.Accepted[0];

        await app.Send(new MarkPossibleMinorCommand(opened.CaseId, true));

        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.True(detail.RoutedToNcmec);
        Assert.True(detail.Victim.MayHaveBeenMinorWhenDepicted);
        Assert.Equal(MinorSafeguard.Guidance, detail.MinorGuidance);
        Assert.Equal("RoutedToNcmec", detail.Timeline[0].Kind);
        var blocked = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            app.Send(new RecordLocationCheckCommand(opened.CaseId, location.LocationId, 200, null, app.Time.GetUtcNow().UtcDateTime)));
        Assert.Equal(nameof(NoContactWithContentRoutedToNcmec), blocked.RuleName);
    }

    [Fact]
    public async Task Clearing_a_possible_minor_is_refused_because_the_law_says_block_all_image_handling_once_a_minor_may_be_depicted()
    {
        await using var app = await TestApp.StartAsync(database, Settings);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()) with { MayHaveBeenMinorWhenDepicted = true });
        app.Staff.Id = "supervisor-1";
        app.Staff.SeesAllCases = true;

        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new MarkPossibleMinorCommand(opened.CaseId, false)));

        Assert.Equal(nameof(PossibleMinorFlagCannotBeCleared), refused.RuleName);
        Assert.True((await app.Query(new GetCaseDetailQuery(opened.CaseId))).RoutedToNcmec);
    }
}

public sealed class CaseworkSlicesOnSqlite() : CaseworkSlices(new SqliteTestDatabase());

public sealed class CaseworkSlicesOnPostgres(PostgresCluster cluster) : CaseworkSlices(new PostgresTestDatabase(cluster));
