namespace TakedownDesk.Domain.Common;

/// <summary>An invariant of the domain, named after what it protects.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}
