using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Staff.Rules;

/// <summary>
/// Each live token is a standing credential to victim data: a staff member may hold a few, not an unbounded pile of
/// forgotten ones. Revoking one makes room (hence a state rule: asking again can succeed).
/// </summary>
public sealed class ActiveAccessTokensAreCapped(int active) : IStateRule
{
    public const int Maximum = 10;

    public bool IsBroken() => active >= Maximum;

    public string Message => $"You already have {Maximum} active access tokens. Revoke one you no longer use before creating another.";
}
