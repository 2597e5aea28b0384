namespace TakedownDesk.Domain.Auditing;

/// <summary>
/// The chain's head at one moment, signed with a key the database does not hold: a chain rewritten from the start
/// (every hash recomputed) or cut short behind a checkpoint no longer matches it, and a new checkpoint cannot be forged.
/// </summary>
public sealed class AuditCheckpoint
{
    private AuditCheckpoint()
    {
        Hash = string.Empty;
        KeyId = string.Empty;
        Signature = string.Empty;
    }

    public AuditCheckpoint(long sequence, string hash, DateTime signedAtUtc, string keyId, string signature)
    {
        Sequence = sequence;
        Hash = hash;
        SignedAtUtc = signedAtUtc;
        KeyId = keyId;
        Signature = signature;
    }

    public long Id { get; private set; }

    /// <summary>The chain position this checkpoint vouches for.</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of the entry at <see cref="Sequence"/> when it was signed.</summary>
    public string Hash { get; private set; }

    public DateTime SignedAtUtc { get; private set; }

    /// <summary>Which master key the signing key was derived from, so checkpoints outlive a key rotation.</summary>
    public string KeyId { get; private set; }

    /// <summary>HMAC-SHA256 (hex) over <see cref="SignedText"/>.</summary>
    public string Signature { get; private set; }

    public string SignedText => SignedTextOf(Sequence, Hash, SignedAtUtc);

    public static string SignedTextOf(long sequence, string hash, DateTime signedAtUtc) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"takedowndesk-audit-checkpoint\n{sequence}\n{hash}\n{signedAtUtc.Ticks}");
}
