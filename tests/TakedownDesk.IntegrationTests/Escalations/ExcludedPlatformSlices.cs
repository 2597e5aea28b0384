using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Documents;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>The Sec. 3 duty binds covered platforms only: a request to an excluded one has no clock, no deadline escalations and no statutory letter.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class ExcludedPlatformSlices
{
    public const string ExclusionNote = "Content is preselected by the provider; comments are incidental.";

    [Fact]
    public async Task A_statutory_request_to_an_excluded_platform_gets_the_policy_letter_no_deadline_and_no_ladder()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff());
        await app.WithDb(db => ExcludeXAsync(db));
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001"));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));

        var notice = await app.Send(new GenerateRemovalNoticeCommand(drafted.RequestId));
        var text = string.Join(' ', PdfText.Pages((await app.Query(new GetGeneratedDocumentQuery(notice.DocumentId))).Pdf));
        var submitted = await app.Send(Samples.Submit(drafted.RequestId));
        var view = await app.Query(new GetRemovalRequestQuery(drafted.RequestId));
        var planned = await app.WithDb(db => db.EscalationSteps.Where(s => s.RequestId == drafted.RequestId).Select(s => s.Kind).ToListAsync());
        app.Time.Advance(TimeSpan.FromHours(73));
        await app.Run(new ExecuteDueEscalationsCommand());

        Assert.Equal("notices/removal-request-policy.liquid", notice.TemplateFile);
        string[] headings =
        [
            "1. Signature of the identifiable individual or authorized person",
            "2. Identification and location of the intimate visual depiction",
            "3. Statement of good-faith belief that the depiction is not consensual",
            "4. Contact information",
        ];
        var positions = headings.Select(h => text.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "an element heading is missing"));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("own policy", text, StringComparison.Ordinal);
        var squeezed = PdfText.Squeezed([text]);
        Assert.DoesNotContain("Section3", squeezed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48hours", squeezed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48-hour", squeezed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TAKEITDOWNAct", squeezed, StringComparison.OrdinalIgnoreCase);

        Assert.Null(submitted.DeadlineAtUtc);
        Assert.Null(view.DeadlineAtUtc);
        Assert.Equal(Coverage.Excluded, view.PlatformCoverage);
        Assert.Equal(StatutoryDeadline.OutsideCoverageNote, view.DeadlineNote);
        Assert.Equal([EscalationKind.FollowUp7d, EscalationKind.FollowUp30d], planned.Order());

        var after = await app.Query(new GetRemovalRequestQuery(drafted.RequestId));
        Assert.Equal(RequestStatus.Submitted, after.Status);
        Assert.Empty((await app.Query(new GetRequestEscalationQuery(drafted.RequestId))).FollowUps);
        Assert.Equal(0, await app.WithDb(db => db.StaffAlerts.CountAsync(a => a.RequestId == drafted.RequestId)));
        var board = await app.Query(new GetDeadlineBoardQuery(12));
        Assert.DoesNotContain(board.Overdue, r => r.RequestId == drafted.RequestId);
        Assert.DoesNotContain(board.DueSoon, r => r.RequestId == drafted.RequestId);
    }

    /// <summary>Records X as outside the Act's coverage (with the reason the directory requires).</summary>
    public static async Task<int> ExcludeXAsync(TakedownDeskDbContext db)
    {
        var x = await db.Platforms.SingleAsync(p => p.Slug == "x");
        x.Edit(x.Profile with { Coverage = Coverage.Excluded, CoverageNote = ExclusionNote });
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
