using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Documents;

/// <summary>Which document of a request: each kind is numbered on its own (v1, v2 … per request and kind).</summary>
public enum DocumentKind
{
    [Display(Name = "Removal notice")]
    RemovalNotice,
    [Display(Name = "Follow-up notice")]
    FollowUpNotice,
    [Display(Name = "FTC report pack")]
    FtcReportPack,
}
