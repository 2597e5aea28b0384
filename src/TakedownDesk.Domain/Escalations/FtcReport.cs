using System.ComponentModel.DataAnnotations;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations.Rules;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Domain.Escalations;

/// <summary>
/// The FTC report pack for a platform that did not comply: prepared by the desk when the second alert falls due, filed
/// by staff at TakeItDown.ftc.gov, who then record the FTC's reference number. Refused, with the reason kept, when the
/// victim's release does not let staff disclose the case to the FTC.
/// </summary>
public sealed class FtcReport : AggregateRoot
{
    private FtcReport()
    {
    }

    private FtcReport(RemovalRequest request, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        RequestId = request.Id;
        CaseId = request.CaseId;
        VictimId = request.VictimId;
        PlatformId = request.PlatformId;
        CreatedAtUtc = nowUtc;
    }

    public Guid RequestId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid VictimId { get; private set; }

    public Guid PlatformId { get; private set; }

    public FtcReportState State { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string? RefusalReason { get; private set; }

    /// <summary>The pack's PDF, a generated document of the request.</summary>
    public Guid? DocumentId { get; private set; }

    /// <summary>The notice PDFs of every request to this platform in the case, zipped; sealed with the victim's key.</summary>
    public string? NoticesZipBase64 { get; private set; }

    public string? FtcReferenceNumber { get; private set; }

    public DateTime? FiledAtUtc { get; private set; }

    public string? FiledBy { get; private set; }

    /// <summary>Prepared, or refused when no release in force names the FTC: disclosing the case to it needs the victim's consent.</summary>
    public static FtcReport Prepare(RemovalRequest request, Victim victim, Guid ftcPlatformId, DateTime nowUtc)
    {
        var report = new FtcReport(request, nowUtc);
        var release = new DisclosureToTheFtcNeedsARelease(victim.ReleaseCovering(ftcPlatformId, nowUtc));
        if (release.IsBroken())
        {
            report.State = FtcReportState.Refused;
            report.RefusalReason = release.Message;
            report.Record(request.CaseId, "FtcReportRefused", $"Request {request.Reference}: FTC report pack not prepared: no release covers the FTC", nowUtc);
        }
        else
        {
            report.State = FtcReportState.Preparing;
        }

        return report;
    }

    public void Attach(Guid documentId, byte[] noticesZip, string requestReference, DateTime nowUtc)
    {
        CheckRule(new OnlyAPreparingPackTakesItsDocuments(State));
        DocumentId = documentId;
        NoticesZipBase64 = Convert.ToBase64String(noticesZip);
        State = FtcReportState.ReadyToFile;
        Record(CaseId, "FtcReportReady", $"Request {requestReference}: FTC report pack ready to file", nowUtc);
    }

    public byte[]? NoticesZip() => NoticesZipBase64 is null ? null : Convert.FromBase64String(NoticesZipBase64);

    public void RecordFiled(string ftcReferenceNumber, DateTime filedAtUtc, string filedBy, DateTime nowUtc)
    {
        CheckRule(new OnlyAReadyPackIsFiled(State));
        CheckRule(new FiledReportNeedsTheFtcReference(ftcReferenceNumber));
        CheckRule(new FilingCannotPrecedeThePack(CreatedAtUtc, filedAtUtc));
        CheckRule(new Requests.Rules.SubmissionCannotBeInTheFuture(filedAtUtc, nowUtc));
        FtcReferenceNumber = ftcReferenceNumber.Trim();
        FiledAtUtc = Utc.Require(filedAtUtc);
        FiledBy = filedBy;
        State = FtcReportState.Filed;
        Record(CaseId, "FtcReportFiled", "FTC report filed; the FTC's reference number recorded", nowUtc);
    }
}

public enum FtcReportState
{
    [Display(Name = "Being prepared")]
    Preparing,
    [Display(Name = "Ready to file")]
    ReadyToFile,
    [Display(Name = "Filed")]
    Filed,
    [Display(Name = "Not prepared (the release does not cover the FTC)")]
    Refused,
}
