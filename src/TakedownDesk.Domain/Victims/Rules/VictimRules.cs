using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Victims.Rules;

public sealed class VictimNeedsAPseudonym(string pseudonym) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(pseudonym);

    public string Message => "A victim needs a pseudonym that staff can use day to day.";
}

public sealed class ContactChannelNeedsAValue(string value) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(value);

    public string Message => "A contact channel needs a value (an address or a number).";
}

public sealed class ReleaseMustBelongToTheVictim : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "That release does not belong to this victim.";
}
