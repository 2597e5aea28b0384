namespace TakedownDesk.Domain.Platforms;

/// <summary>Whether the platform is a "covered platform" under Sec. 4 of the Act.</summary>
public enum Coverage
{
    Unknown,
    Covered,
    Excluded,
}
