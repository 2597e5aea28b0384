using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Cases;

/// <summary>Which offence the incident is decides the referral options (police, FBI tip line, NCMEC).</summary>
public enum IncidentKind
{
    [Display(Name = "Authentic intimate image")]
    AuthenticIntimateDepiction,
    [Display(Name = "Digital forgery (AI deepfake)")]
    DigitalForgery,
    [Display(Name = "Threat to publish")]
    ThreatToPublish,
    [Display(Name = "AI model made to depict the person")]
    PersonSpecificModel,
}
