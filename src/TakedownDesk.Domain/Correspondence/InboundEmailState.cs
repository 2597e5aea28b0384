using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Correspondence;

public enum InboundEmailState
{
    /// <summary>No request could be found for it: it waits in the inbox queue for staff.</summary>
    [Display(Name = "Waiting in the inbox")]
    Unmatched,

    /// <summary>On a request's timeline, its meaning not yet confirmed.</summary>
    [Display(Name = "On a request, not yet confirmed")]
    Matched,

    /// <summary>Staff confirmed what it means; the acknowledgment or outcome was recorded at the e-mail's time.</summary>
    [Display(Name = "Confirmed")]
    Confirmed,

    /// <summary>Staff decided it concerns no request (spam, a newsletter, a misdirected message).</summary>
    [Display(Name = "Dismissed")]
    Dismissed,
}
