using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Correspondence;

/// <summary>How a reply was put on its request, strongest first.</summary>
public enum MatchedBy
{
    [Display(Name = "Not matched")]
    None,

    /// <summary>In-Reply-To or References names a Message-ID the desk sent for the request.</summary>
    [Display(Name = "Reply to our e-mail")]
    Thread,

    /// <summary>The subject carries the request's reference (TD-2026-00042-R1).</summary>
    [Display(Name = "Our reference in the subject")]
    RequestReference,

    /// <summary>The sender's domain is the platform's, and the text carries the platform's own request number.</summary>
    [Display(Name = "The platform's request number")]
    PlatformRequestNumber,

    /// <summary>Staff attached it from the inbox queue.</summary>
    [Display(Name = "Attached by staff")]
    Staff,
}
