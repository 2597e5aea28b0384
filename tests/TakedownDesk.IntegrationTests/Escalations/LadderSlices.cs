using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Documents;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>The escalation ladder end to end on a real database, real Chromium and a real SMTP server on 127.0.0.1.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class LadderSlices
{
    private const string LegalAddress = "legal@x-platform.example";

    [Fact]
    public async Task A_missed_deadline_drafts_the_follow_up_and_each_unanswered_level_makes_the_next_due()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff(smtp.Settings));
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        await GiveXALadderAsync(app);

        // At the deadline's instant the platform still has its time; the step runs once it has passed.
        app.Time.Advance(TimeSpan.FromHours(48));
        await app.Run(new ExecuteDueEscalationsCommand());
        Assert.Empty((await app.Query(new GetRequestEscalationQuery(requestId))).FollowUps);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.Run(new ExecuteDueEscalationsCommand());

        var ladder = await app.Query(new GetRequestEscalationQuery(requestId));
        var first = Assert.Single(ladder.FollowUps);
        Assert.Equal((0, FollowUpState.ReadyToSend, ChannelKind.WebForm), (first.Level, first.State, first.Channel));
        Assert.Equal("https://help.x.com/forms/safety-and-sensitive-content/take-it-down", first.Target);
        Assert.Null(ladder.NextLevel);

        // A web form: staff paste the letter's text, then record when they sent it and the form's confirmation.
        var preview = await app.Query(new PreviewFollowUpQuery(first.Id, await CaseOfAsync(app, requestId)));
        Assert.Contains("Overdue by", preview.PlainText, StringComparison.Ordinal);
        Assert.Contains("X-CONF-1", preview.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://x.com/poster/status/1001", preview.PlainText, StringComparison.Ordinal);
        var sentAt = app.Time.GetUtcNow().UtcDateTime;
        await app.Send(new RecordFollowUpSubmissionCommand(first.Id, sentAt, "X-FOLLOW-1"));

        ladder = await app.Query(new GetRequestEscalationQuery(requestId));
        Assert.Equal(new NextLevelView(1, sentAt.AddHours(48)), ladder.NextLevel);

        app.Time.Advance(TimeSpan.FromHours(48));
        await app.Run(new ExecuteDueEscalationsCommand());
        ladder = await app.Query(new GetRequestEscalationQuery(requestId));
        var second = ladder.FollowUps.Single(f => f.Level == 1);
        Assert.Equal((EscalationContactRole.TrustAndSafety, ChannelKind.Email, LegalAddress, true), (second.Role, second.Channel, second.Target, second.CanBeSentFromTheDesk));

        // An e-mail contact: one action sends it through the outbox; the server's acceptance is the sending.
        await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new SendFollowUpCommand(second.Id, "someone-else@example.org")));
        await app.Send(new SendFollowUpCommand(second.Id, LegalAddress));
        await app.Run(new DispatchOutboxCommand());

        var mail = Assert.Single(smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == LegalAddress));
        Assert.StartsWith("Follow-up: removal request", mail.Subject, StringComparison.Ordinal);
        Assert.Single(mail.Attachments);
        ladder = await app.Query(new GetRequestEscalationQuery(requestId));
        second = ladder.FollowUps.Single(f => f.Level == 1);
        Assert.Equal(FollowUpState.Sent, second.State);
        Assert.Equal(mail.MessageId, second.Evidence!.Trim('<', '>'));
        Assert.Equal(2, ladder.NextLevel!.Level);
        var documents = await app.WithDb(db => db.Documents.AsNoTracking().Where(d => d.RequestId == requestId).Select(d => d.Kind).ToListAsync());
        Assert.Contains(DocumentKind.FollowUpNotice, documents);
        Assert.Contains(DocumentKind.FtcReportPack, documents);
    }

    [Fact]
    public async Task The_ftc_pack_is_prepared_when_its_step_falls_due_and_staff_record_the_ftc_reference()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var caseId = await CaseOfAsync(app, requestId);
        await app.Send(new GenerateRemovalNoticeCommand(requestId));

        app.Time.Advance(TimeSpan.FromHours(72));
        await app.Run(new ExecuteDueEscalationsCommand());

        var ftc = (await app.Query(new GetRequestEscalationQuery(requestId))).FtcReport!;
        Assert.Equal(FtcReportState.ReadyToFile, ftc.State);
        var pdf = await app.Query(new GetGeneratedDocumentQuery(ftc.DocumentId!.Value));
        var text = string.Join("\n", PdfText.Pages(pdf.Pdf));
        Assert.Contains("Report of non-compliance", text, StringComparison.Ordinal);
        Assert.Contains("Missed by", text, StringComparison.Ordinal);
        Assert.Contains("24 hours", text, StringComparison.Ordinal);
        Assert.Contains("x.com/poster/status/1001", text, StringComparison.Ordinal);

        var zip = await app.Query(new GetFtcNoticesZipQuery(requestId, caseId));
        using (var archive = new ZipArchive(new MemoryStream(zip.Zip)))
        {
            var entry = Assert.Single(archive.Entries, e => e.Name.Contains("RemovalNotice-v1", StringComparison.Ordinal));
            Assert.True(entry.Length > 1000);
        }

        await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            app.Send(new RecordFtcFilingCommand(requestId, "FTC-123", app.Time.GetUtcNow().UtcDateTime.AddHours(1))));
        var filed = await app.Send(new RecordFtcFilingCommand(requestId, " FTC-2026-0042 ", app.Time.GetUtcNow().UtcDateTime));
        Assert.Equal("FTC-2026-0042", filed.FtcReferenceNumber);
        Assert.Equal(FtcReportState.Filed, (await app.Query(new GetRequestEscalationQuery(requestId))).FtcReport!.State);
    }

    [Fact]
    public async Task A_location_an_automatic_check_found_online_after_the_deadline_is_in_the_ftc_pack()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var caseId = await CaseOfAsync(app, requestId);
        var item = Assert.Single((await app.Query(new GetRemovalRequestQuery(requestId))).Items);

        app.Time.Advance(TimeSpan.FromHours(50));
        await app.Send(new RecordLocationCheckCommand(caseId, item.LocationId, 200, item.Url, app.Time.GetUtcNow().UtcDateTime));
        app.Time.Advance(TimeSpan.FromHours(22));
        await app.Run(new ExecuteDueEscalationsCommand());

        var ftc = (await app.Query(new GetRequestEscalationQuery(requestId))).FtcReport!;
        // Table cells wrap and the text is read line by line across columns: compare fragments that fit one line.
        var text = string.Join(' ', string.Join(' ', PdfText.Pages((await app.Query(new GetGeneratedDocumentQuery(ftc.DocumentId!.Value))).Pdf)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Still online after the", text, StringComparison.Ordinal);
        Assert.Contains("An automatic status check found a location still online.", text, StringComparison.Ordinal);
        Assert.Contains("automatic check on 2026-11-22 17:00 UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ftc_pack_is_refused_with_the_reason_when_the_release_does_not_cover_the_ftc()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff());
        var xId = await app.WithDb(db => db.Platforms.Where(p => p.Slug == "x").Select(p => p.Id).SingleAsync());
        var release = Samples.ReleaseForAllPlatforms(app.Time.GetUtcNow()) with { AllPlatforms = false, PlatformIds = [xId] };
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001", release: release));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, xId, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));
        await app.Send(Samples.Submit(drafted.RequestId));

        app.Time.Advance(TimeSpan.FromHours(72));
        await app.Run(new ExecuteDueEscalationsCommand());

        var ftc = (await app.Query(new GetRequestEscalationQuery(drafted.RequestId))).FtcReport!;
        Assert.Equal(FtcReportState.Refused, ftc.State);
        Assert.Contains("does not cover disclosure to the FTC", ftc.RefusalReason, StringComparison.Ordinal);
        Assert.Null(ftc.DocumentId);
    }

    [Fact]
    public async Task With_the_organisation_setting_an_e_mail_follow_up_goes_out_when_drafted_and_a_removal_stops_the_ladder()
    {
        await using var smtp = SmtpTestServer.Start();
        var settings = EscalationKit.Staff(smtp.Settings);
        settings["Escalations:SendEmailFollowUpsWithoutReview"] = "true";
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), settings);
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        await GiveXALadderAsync(app);
        app.Time.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));
        await app.Run(new ExecuteDueEscalationsCommand());
        var first = (await app.Query(new GetRequestEscalationQuery(requestId))).FollowUps.Single();
        Assert.Equal(FollowUpState.ReadyToSend, first.State);
        await app.Send(new RecordFollowUpSubmissionCommand(first.Id, app.Time.GetUtcNow().UtcDateTime, null));

        app.Time.Advance(TimeSpan.FromHours(48));
        await app.Run(new ExecuteDueEscalationsCommand());
        var second = (await app.Query(new GetRequestEscalationQuery(requestId))).FollowUps.Single(f => f.Level == 1);
        Assert.Equal(FollowUpState.Queued, second.State);
        await app.Run(new DispatchOutboxCommand());
        Assert.Contains(smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == LegalAddress));

        var location = await app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).SelectMany(r => r.Items).Select(i => i.LocationId).SingleAsync());
        await app.Send(new RecordOutcomeCommand(requestId, location, LocationOutcome.Removed, app.Time.GetUtcNow()));
        var ladder = await app.Query(new GetRequestEscalationQuery(requestId));
        Assert.Null(ladder.NextLevel);
        Assert.Equal(0, await app.WithDb(db => db.EscalationSteps.CountAsync(s => s.RequestId == requestId && s.State == EscalationState.Pending)));
    }

    private static Task<Guid> CaseOfAsync(TestApp app, Guid requestId) =>
        app.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync());

    /// <summary>X's path for these tests: its form, then a trust-and-safety address after 48 hours, then search delisting after 24.</summary>
    private static Task<int> GiveXALadderAsync(TestApp app) => app.WithDb(async db =>
    {
        var x = await db.Platforms.SingleAsync(p => p.Slug == "x");
        x.Edit(x.Profile with
        {
            EscalationPath =
            [
                new EscalationContact(EscalationContactRole.DesignatedChannel, ChannelKind.WebForm, "https://help.x.com/forms/safety-and-sensitive-content/take-it-down", "The form", 0, true),
                new EscalationContact(EscalationContactRole.TrustAndSafety, ChannelKind.Email, LegalAddress, "Legal", 48, false),
                new EscalationContact(EscalationContactRole.SearchDelisting, ChannelKind.WebForm, "https://support.google.com/websearch/answer/6302812", "Delisting", 24, true),
            ],
        });
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });
}
