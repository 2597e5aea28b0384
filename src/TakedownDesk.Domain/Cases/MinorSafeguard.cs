namespace TakedownDesk.Domain.Cases;

/// <summary>What staff are told when the person may have been under 18 when depicted.</summary>
public static class MinorSafeguard
{
    public const string Guidance =
        "The person may have been a minor when depicted. This is very likely child sexual abuse material: " +
        "do not view, download, hash or store any image. Report to NCMEC's CyberTipline and offer NCMEC's Take It Down " +
        "service (hashing happens on the person's own device). Removal requests may still cite the URLs.";
}
