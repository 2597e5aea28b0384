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

/// <summary>The same address twice would be two places to keep "safe to contact" true, and one of them would go stale.</summary>
public sealed class ContactChannelsAreNotRepeated(IReadOnlyList<ContactChannel> channels) : IBusinessRule
{
    public bool IsBroken() =>
        channels.GroupBy(c => (c.Kind, Value: c.Value.ToUpperInvariant())).Any(g => g.Count() > 1);

    public string Message => "The same contact is listed twice; keep one and say there whether it is safe to use.";
}

public sealed class ReleaseMustBelongToTheVictim : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "That release does not belong to this victim.";
}

/// <summary>
/// The law's guidance: if the person may have been a minor when depicted, block all image handling and route to NCMEC. A
/// report to NCMEC cannot be taken back and a cleared flag would open image handling again, so the flag stays.
/// </summary>
public sealed class PossibleMinorFlagCannotBeCleared(bool clearing) : IBusinessRule
{
    public bool IsBroken() => clearing;

    public string Message =>
        "A possible minor stays flagged: the case stays routed to NCMEC and all image handling stays blocked.";
}
