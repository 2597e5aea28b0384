namespace TakedownDesk.Domain.Victims;

public enum SignerCapacity
{
    Victim,
    ParentOrGuardian,
    LegalRepresentative,
}
