namespace TakedownDesk.Domain.Documents;

/// <summary>Which document of a request: each kind is numbered on its own (v1, v2 … per request and kind).</summary>
public enum DocumentKind
{
    RemovalNotice,
    FollowUpNotice,
    FtcReportPack,
}
