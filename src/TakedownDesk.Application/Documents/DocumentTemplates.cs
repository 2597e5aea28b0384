using System.Collections.Frozen;
using TakedownDesk.Application.Documents.Models;

namespace TakedownDesk.Application.Documents;

/// <summary>Every document the product renders, with its model type; the model types are the template whitelist.</summary>
public static class DocumentTemplates
{
    public const string RemovalRequest = "notices/removal-request";
    public const string RemovalRequestUnderPolicy = "notices/removal-request-policy";
    public const string FollowUp = "notices/follow-up";
    public const string FtcReportPack = "notices/ftc-report-pack";
    public const string ModelReport = "notices/model-report";
    public const string SearchDelisting = "notices/search-delisting";
    public const string TrainingOptOut = "notices/training-opt-out";
    public const string FaceSearchOptOut = "notices/face-search-opt-out";
    public const string Release = "forms/release";
    public const string ExposureGuidance = "guidance/photo-exposure";
    public const string VictimSummary = "guidance/summary-letter";
    public const string DeadlineApproaching = "emails/deadline-approaching";
    public const string DeadlineMissed = "emails/deadline-missed";
    public const string DailyDigest = "emails/daily-digest";
    public const string SecondAlert = "emails/second-alert";
    public const string FollowUpReady = "emails/follow-up-ready";
    public const string FollowUpReminder = "emails/follow-up-reminder";
    public const string AlertSummary = "emails/alert-summary";
    public const string LocationReappeared = "emails/location-reappeared";

    public static IReadOnlyList<DocumentTemplate> All { get; } =
    [
        new(RemovalRequest, typeof(RemovalNoticeModel)),
        new(RemovalRequestUnderPolicy, typeof(RemovalNoticeModel)),
        new(FollowUp, typeof(FollowUpNoticeModel)),
        new(FtcReportPack, typeof(FtcReportPackModel)),
        new(ModelReport, typeof(ModelReportModel)),
        new(SearchDelisting, typeof(SearchDelistingModel)),
        new(TrainingOptOut, typeof(TrainingOptOutModel)),
        new(FaceSearchOptOut, typeof(FaceSearchOptOutModel)),
        new(Release, typeof(ReleaseFormModel)),
        new(ExposureGuidance, typeof(ExposureGuidanceModel)),
        new(VictimSummary, typeof(VictimSummaryModel)),
        new(DeadlineApproaching, typeof(DeadlineAlertModel)),
        new(DeadlineMissed, typeof(DeadlineAlertModel)),
        new(DailyDigest, typeof(DailyDigestModel)),
        new(SecondAlert, typeof(DeadlineAlertModel)),
        new(FollowUpReady, typeof(DeadlineAlertModel)),
        new(FollowUpReminder, typeof(FollowUpReminderModel)),
        new(AlertSummary, typeof(AlertSummaryModel)),
        new(LocationReappeared, typeof(FollowUpReminderModel)),
    ];

    /// <summary>Every record type a template may read: the top-level models and the records nested in them.</summary>
    public static IReadOnlyList<Type> ReadableTypes { get; } =
    [
        typeof(RemovalNoticeModel), typeof(FollowUpNoticeModel), typeof(FtcReportPackModel), typeof(ModelReportModel),
        typeof(SearchDelistingModel), typeof(TrainingOptOutModel), typeof(ReleaseFormModel), typeof(DeadlineAlertModel),
        typeof(DailyDigestModel), typeof(PlatformModel), typeof(SignatureBlockModel), typeof(DepictionModel),
        typeof(LocationModel), typeof(ContactModel), typeof(DeadlineModel), typeof(TimelineRowModel),
        typeof(RequestElementsProofModel), typeof(DigestRowModel), typeof(LocationStatusModel), typeof(FollowUpReminderModel), typeof(AlertSummaryModel), typeof(AlertRowModel),
        typeof(ExposureGuidanceModel), typeof(PhotoSourceModel), typeof(FaceSearchOptOutModel),
        typeof(VictimSummaryModel), typeof(SentRequestModel),
    ];

    private static readonly FrozenDictionary<string, DocumentTemplate> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static DocumentTemplate? Find(string name) => ByName.GetValueOrDefault(name);
}
