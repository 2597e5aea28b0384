using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Platforms;

/// <summary>Who a level of a platform's escalation path addresses.</summary>
public enum EscalationContactRole
{
    [Display(Name = "The designated channel")]
    DesignatedChannel,

    [Display(Name = "Trust and safety")]
    TrustAndSafety,

    [Display(Name = "Legal department")]
    Legal,

    [Display(Name = "Hosting provider's abuse desk")]
    HostingProviderAbuse,

    [Display(Name = "Domain registrar's abuse desk")]
    RegistrarAbuse,

    [Display(Name = "Search delisting")]
    SearchDelisting,
}

/// <summary>
/// One level of a platform's escalation path: who is contacted, through what, and how long after the previous level
/// went unanswered it falls due. <see cref="Target"/> may be empty where it depends on the site (a hosting provider's
/// abuse address): staff fill it in when they send. Unverified levels are shown as such.
/// </summary>
public sealed record EscalationContact(
    EscalationContactRole Role,
    ChannelKind Kind,
    string? Target,
    string Instructions,
    int WaitHours,
    bool Verified)
{
    public TimeSpan Wait => TimeSpan.FromHours(WaitHours);

    /// <summary>The first level when a platform has no path of its own: a follow-up through the channel the request used.</summary>
    public static EscalationContact FromDesignated(RemovalChannel channel, bool verified) =>
        new(EscalationContactRole.DesignatedChannel, channel.Kind, channel.Target, channel.Instructions, 0, verified);
}
