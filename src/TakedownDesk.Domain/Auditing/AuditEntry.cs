using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TakedownDesk.Domain.Auditing;

/// <summary>
/// One link of the append-only audit chain: who did or viewed what kind of thing on which case, and when — never
/// the values. Each entry's hash covers the previous entry's hash, so an edited or deleted row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorId = string.Empty;
        Action = string.Empty;
        Hash = string.Empty;
    }

    public AuditEntry(AuditEntry? previous, DateTime occurredAtUtc, string actorId, Guid? caseId, string action, AuditKind kind)
    {
        Sequence = (previous?.Sequence ?? 0) + 1;
        OccurredAtUtc = occurredAtUtc;
        ActorId = actorId;
        CaseId = caseId;
        Action = action;
        Kind = kind;
        Hash = ComputeHash(previous?.Hash);
    }

    public long Sequence { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string ActorId { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>The message type name, e.g. <c>GetConfidentialDetailsQuery</c>.</summary>
    public string Action { get; private set; }

    public AuditKind Kind { get; private set; }

    /// <summary>SHA-256 (hex) over the previous entry's hash and this entry's canonical fields.</summary>
    public string Hash { get; private set; }

    public bool FollowsFrom(AuditEntry? previous) =>
        Sequence == (previous?.Sequence ?? 0) + 1 && string.Equals(Hash, ComputeHash(previous?.Hash), StringComparison.Ordinal);

    private string ComputeHash(string? previousHash)
    {
        var canonical = string.Join(
            '\n',
            previousHash ?? string.Empty,
            Sequence.ToString(CultureInfo.InvariantCulture),
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
