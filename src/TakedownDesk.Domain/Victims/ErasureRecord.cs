using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Victims;

/// <summary>Why a victim's data was erased.</summary>
public enum ErasureReason
{
    [Display(Name = "At the person's request")]
    VictimRequest,
    [Display(Name = "Retention period ended")]
    RetentionExpired,
}

/// <summary>
/// Proof that a victim's data was erased: when, by whom, why and how much. It holds no personal data and no
/// identifier of the erased victim or case, so it can be kept for as long as the organisation must account for erasures.
/// </summary>
public sealed class ErasureRecord
{
    private ErasureRecord()
    {
        ErasedBy = string.Empty;
    }

    public ErasureRecord(DateTime erasedAtUtc, string erasedBy, ErasureReason reason, ErasedCounts counts)
    {
        Id = Guid.NewGuid();
        ErasedAtUtc = erasedAtUtc;
        ErasedBy = erasedBy;
        Reason = reason;
        Cases = counts.Cases;
        Locations = counts.Locations;
        Requests = counts.Requests;
        ContactChannels = counts.ContactChannels;
        Releases = counts.Releases;
        TimelineEntries = counts.TimelineEntries;
    }

    public Guid Id { get; private set; }

    public DateTime ErasedAtUtc { get; private set; }

    public string ErasedBy { get; private set; }

    public ErasureReason Reason { get; private set; }

    public int Cases { get; private set; }

    public int Locations { get; private set; }

    public int Requests { get; private set; }

    public int ContactChannels { get; private set; }

    public int Releases { get; private set; }

    public int TimelineEntries { get; private set; }
}

public sealed record ErasedCounts(int Cases, int Locations, int Requests, int ContactChannels, int Releases, int TimelineEntries);
