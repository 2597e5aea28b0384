using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents;

/// <summary>
/// Prepares the FTC report pack from the case: a PDF with the timeline of every request to the platform (channel,
/// evidence, deadlines missed and by how long, follow-ups) and where each location stands now, plus a ZIP of the
/// notice PDFs that were sent. Refused, with the reason kept, when the release does not cover the FTC.
/// </summary>
public sealed class FtcReportPacks(ITakedownDeskDb db, IDocumentRenderer renderer, TimeProvider time)
{
    public const string FtcSlug = "ftc";

    public async Task<FtcReport> PrepareAsync(RemovalRequest request, CancellationToken cancellationToken)
    {
        var existing = await db.FtcReports.SingleOrDefaultAsync(r => r.RequestId == request.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var now = time.UtcNow();
        var victim = await db.LoadVictimAsync(request.VictimId, cancellationToken);
        var ftcId = await db.Platforms.Where(p => p.Slug == FtcSlug).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken) ?? Guid.Empty;
        var report = FtcReport.Prepare(request, victim, ftcId, now);
        db.FtcReports.Add(report);
        if (report.State == FtcReportState.Refused)
        {
            return report;
        }

        var @case = await db.Cases.Include(c => c.Depictions).Include(c => c.Locations).AsSplitQuery().SingleAsync(c => c.Id == request.CaseId, cancellationToken);
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var requests = await db.RemovalRequests.Include(r => r.Items)
            .Where(r => r.CaseId == request.CaseId && r.PlatformId == request.PlatformId && r.Submission != null)
            .ToListAsync(cancellationToken);
        var requestIds = requests.ConvertAll(r => r.Id);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => requestIds.Contains(f.RequestId) && f.State == FollowUpState.Sent).ToListAsync(cancellationToken);

        var model = new FtcReportPackModel(
            @case.Reference,
            LetterParts.Organisation(request),
            new PlatformModel(platform.Name, LetterParts.Channel(request.Submission)),
            Timeline(requests, followUps, now),
            requests.OrderBy(r => r.Submission!.SubmittedAtUtc).Select(r => Proof(r, now)).ToList(),
            Locations(@case, requests),
            LetterParts.Contact(request),
            LetterParts.Utc(now),
            "en");
        var rendered = await renderer.RenderAsync(new DocumentRequest(DocumentTemplates.FtcReportPack, model, platform.Slug), cancellationToken);
        var pdf = await renderer.PrintAsync(rendered, cancellationToken);
        var version = await db.Documents.CountAsync(d => d.RequestId == request.Id && d.Kind == DocumentKind.FtcReportPack, cancellationToken) + 1;
        var document = GeneratedDocument.ForEscalation(
            DocumentKind.FtcReportPack, request, version, rendered.TemplateName, rendered.TemplateFile, rendered.TemplateSha256, pdf, SystemActor.Id, now);
        db.Documents.Add(document);
        report.Attach(document.Id, await ZipNoticesAsync(requestIds, cancellationToken), request.Reference, now);
        return report;
    }

    private async Task<byte[]> ZipNoticesAsync(List<Guid> requestIds, CancellationToken cancellationToken)
    {
        var documents = await db.Documents
            .Where(d => requestIds.Contains(d.RequestId) && d.Kind != DocumentKind.FtcReportPack)
            .Join(db.RemovalRequests, d => d.RequestId, r => r.Id, (d, r) => new { Document = d, r.Reference })
            .ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var row in documents.OrderBy(d => d.Reference, StringComparer.Ordinal).ThenBy(d => d.Document.Kind).ThenBy(d => d.Document.Version))
            {
                var entry = zip.CreateEntry($"{row.Reference}-{row.Document.Kind}-v{row.Document.Version}.pdf", CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(row.Document.Pdf(), cancellationToken);
            }
        }

        return buffer.ToArray();
    }

    private static List<TimelineRowModel> Timeline(List<RemovalRequest> requests, List<FollowUpNotice> followUps, DateTime nowUtc)
    {
        var rows = new List<(DateTime At, TimelineRowModel Row)>();
        foreach (var r in requests)
        {
            var submission = r.Submission!;
            rows.Add((submission.SubmittedAtUtc, Row(submission.SubmittedAtUtc, $"Removal request {r.Reference} submitted", $"Through {LetterParts.Channel(submission)}; {r.Items.Count} location(s). {LetterParts.Evidence(submission)}".Trim())));
            if (r.AcknowledgedAtUtc is { } acknowledged)
            {
                rows.Add((acknowledged, Row(acknowledged, $"Platform acknowledged {r.Reference}", $"Request number {r.PlatformRequestNumber}.")));
            }

            if (r.DeadlineAtUtc is { } deadline && deadline < nowUtc && MissedBy(r, nowUtc) is { } missed)
            {
                var pending = r.Items.Count(i => i.Outcome != LocationOutcome.Removed);
                rows.Add((deadline, Row(deadline, $"48-hour deadline of {r.Reference} passed", $"{pending} of {r.Items.Count} location(s) not removed; missed by {LetterParts.Duration(missed)}.")));
            }

            foreach (var item in r.Items.Where(i => i.OutcomeAtUtc is not null))
            {
                rows.Add((item.OutcomeAtUtc!.Value, Row(item.OutcomeAtUtc.Value, $"Outcome recorded for {r.Reference}", $"A location was {item.Outcome}.")));
            }

            foreach (var item in r.Items.Where(i => i.OnlineAfterDeadlineFirstAtUtc is not null))
            {
                var first = item.OnlineAfterDeadlineFirstAtUtc!.Value;
                var last = item.OnlineAfterDeadlineLastAtUtc ?? first;
                var detail = last > first
                    ? $"An automatic status check found a location still online; checks found it online until {LetterParts.Format(last, "yyyy-MM-dd HH:mm")} UTC."
                    : "An automatic status check found a location still online.";
                rows.Add((first, Row(first, $"Still online after the deadline of {r.Reference}", detail)));
            }
        }

        foreach (var f in followUps)
        {
            var reference = requests.Single(r => r.Id == f.RequestId).Reference;
            rows.Add((f.SentAtUtc!.Value, Row(f.SentAtUtc.Value, $"Follow-up {f.Level + 1} to {reference} sent", $"{FollowUpLetters.AddressedTo(f)}, by {f.Channel}. {f.Evidence}".Trim())));
        }

        return rows.OrderBy(r => r.At).Select(r => r.Row).ToList();
    }

    private static TimelineRowModel Row(DateTime at, string @event, string detail) => new(LetterParts.Format(at, "yyyy-MM-dd HH:mm"), @event, detail);

    /// <summary>How late the platform was: to the removal of the last location, or until now while any is still up.</summary>
    private static TimeSpan? MissedBy(RemovalRequest request, DateTime nowUtc)
    {
        if (request.DeadlineAtUtc is not { } deadline)
        {
            return null;
        }

        var end = request.Items.All(i => i.Outcome == LocationOutcome.Removed) ? request.Items.Max(i => i.OutcomeAtUtc) ?? nowUtc : nowUtc;
        return end > deadline ? end - deadline : null;
    }

    private static RequestElementsProofModel Proof(RemovalRequest r, DateTime nowUtc) => new(
        r.Reference,
        r.PlatformRequestNumber ?? string.Empty,
        LetterParts.Utc(r.Submission!.SubmittedAtUtc),
        r.Signature?.IsComplete == true,
        r.Items.Count,
        !string.IsNullOrWhiteSpace(r.GoodFaithStatement),
        r.Contact?.IsComplete == true,
        LetterParts.Channel(r.Submission),
        LetterParts.Evidence(r.Submission),
        r.DeadlineAtUtc is { } deadline ? LetterParts.Utc(deadline) : "none",
        MissedBy(r, nowUtc) is { } missed ? LetterParts.Duration(missed) : string.Empty,
        r.Status.ToString());

    private static List<LocationStatusModel> Locations(Case @case, List<RemovalRequest> requests) =>
        requests.SelectMany(r => r.Items)
            .GroupBy(i => i.LocationId)
            .Select(g => (Location: @case.FindLocation(g.Key), Latest: g.OrderBy(i => i.OutcomeAtUtc ?? DateTime.MinValue).Last(), SeenOnline: g.Max(i => i.OnlineAfterDeadlineLastAtUtc)))
            .Select(x => new LocationStatusModel(
                @case.Depictions.Single(d => d.Id == x.Location.DepictionId).Label,
                x.Location.Url,
                StatusOf(x.Latest, x.SeenOnline)))
            .ToList();

    private static string StatusOf(RequestItem latest, DateTime? seenOnlineAfterDeadline)
    {
        var status = latest.Outcome == LocationOutcome.Pending ? "Not removed (no outcome from the platform)" : latest.Outcome.ToString();
        return seenOnlineAfterDeadline is { } seen && latest.Outcome != LocationOutcome.Removed
            ? $"{status}; still online at an automatic check on {LetterParts.Format(seen, "yyyy-MM-dd HH:mm")} UTC"
            : status;
    }
}
