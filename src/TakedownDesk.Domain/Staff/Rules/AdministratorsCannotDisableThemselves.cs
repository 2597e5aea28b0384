using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Staff.Rules;

/// <summary>An administrator cannot disable their own account: the desk would be left with no one to undo it.</summary>
public sealed class AdministratorsCannotDisableThemselves(string administratorId, string staffId) : IBusinessRule
{
    public bool IsBroken() => string.Equals(administratorId, staffId, StringComparison.Ordinal);

    public string Message => "You cannot disable your own account; ask another administrator.";
}
