namespace TakedownDesk.Domain.Cases;

/// <summary>Which offence the incident is decides the referral options (police, FBI tip line, NCMEC).</summary>
public enum IncidentKind
{
    AuthenticIntimateDepiction,
    DigitalForgery,
    ThreatToPublish,
    PersonSpecificModel,
}
