using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Common;

/// <summary>Signs the audit chain's head with a key kept outside the database, and checks such signatures.</summary>
public interface IAuditSigner
{
    AuditCheckpoint Sign(long sequence, string hash, DateTime signedAtUtc);

    CheckpointSignature Check(AuditCheckpoint checkpoint);
}

public enum CheckpointSignature
{
    Valid,

    /// <summary>Signed by no key this desk has, or altered since: it vouches for nothing and says the table was written to.</summary>
    Invalid,

    /// <summary>Signed under a master key that has since been retired: neither proof nor evidence.</summary>
    KeyRetired,
}
