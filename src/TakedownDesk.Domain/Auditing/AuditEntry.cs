using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TakedownDesk.Domain.Auditing;

/// <summary>
/// One entry of the append-only audit trail: who did or viewed what kind of thing on which case, and when — never
/// the values. It is written with the action, unsealed, and sealed into the chain later, in the order of its
/// <see cref="Id"/>: its hash then covers the previous entry's hash, so an edited or deleted row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorId = string.Empty;
        Action = string.Empty;
    }

    public AuditEntry(DateTime occurredAtUtc, string actorId, Guid? caseId, string action, AuditKind kind)
    {
        OccurredAtUtc = occurredAtUtc;
        ActorId = actorId;
        CaseId = caseId;
        Action = action;
        Kind = kind;
    }

    /// <summary>The append order, from the database: taken without a lock, so several writers append at once.</summary>
    public long Id { get; private set; }

    /// <summary>The position in the chain (1, 2, 3 …), set when the entry is sealed; null until then.</summary>
    public long? Sequence { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string ActorId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>The message type name, e.g. <c>GetConfidentialDetailsQuery</c>.</summary>
    public string Action { get; private set; }

    public AuditKind Kind { get; private set; }

    /// <summary>SHA-256 (hex) over the previous entry's hash and this entry's canonical fields; null until sealed.</summary>
    public string? Hash { get; private set; }

    public bool IsSealed => Hash is not null;

    /// <summary>Links this entry to the chain right after <paramref name="previous"/> (null: the first entry).</summary>
    public void SealAfter(AuditEntry? previous)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException($"Audit entry {Id} is already sealed at {Sequence}.");
        }

        if (previous is { IsSealed: false })
        {
            throw new InvalidOperationException("An audit entry is sealed after a sealed one only.");
        }

        Sequence = (previous?.Sequence ?? 0) + 1;
        Hash = ComputeHash(previous?.Hash);
    }

    public bool FollowsFrom(AuditEntry? previous) =>
        IsSealed && Sequence == (previous?.Sequence ?? 0) + 1 && string.Equals(Hash, ComputeHash(previous?.Hash), StringComparison.Ordinal);

    private string ComputeHash(string? previousHash)
    {
        var canonical = string.Join(
            '\n',
            previousHash ?? string.Empty,
            Sequence?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            OccurredAtUtc.Ticks.ToString(CultureInfo.InvariantCulture),
            ActorId,
            CaseId?.ToString("N") ?? string.Empty,
            Action,
            Kind.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public enum AuditKind
{
    [Display(Name = "Changed")]
    Command,
    [Display(Name = "Viewed confidential details")]
    ConfidentialView,

    /// <summary>An account asked for a case it may not see.</summary>
    [Display(Name = "Refused (not theirs to see)")]
    DeniedView,
}
