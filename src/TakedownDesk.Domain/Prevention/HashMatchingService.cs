using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Prevention;

/// <summary>The services that hash an image on the person's own device and share only the hash with participating platforms.</summary>
public enum HashMatchingService
{
    [Display(Name = "StopNCII.org (adults)")]
    StopNcii,

    [Display(Name = "NCMEC Take It Down (images taken before 18)")]
    NcmecTakeItDown,
}

/// <summary>How the person gave their consent to the case number being kept.</summary>
public enum ConsentMethod
{
    [Display(Name = "In writing")]
    InWriting,

    [Display(Name = "Electronically (e-mail, message or form)")]
    Electronically,

    [Display(Name = "Spoken, noted by staff")]
    Spoken,
}
