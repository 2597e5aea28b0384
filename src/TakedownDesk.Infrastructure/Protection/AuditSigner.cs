using System.Security.Cryptography;
using System.Text;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Signs audit checkpoints with HMAC-SHA256 under a key derived from the master key, which lives outside the database
/// (a file or configuration): write access to the database alone cannot produce a checkpoint that verifies.
/// </summary>
public sealed class AuditSigner(MasterKeyRing masterKeys) : IAuditSigner
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("TakedownDesk audit checkpoint v1");

    public AuditCheckpoint Sign(long sequence, string hash, DateTime signedAtUtc)
    {
        var keyId = masterKeys.CurrentId;
        var text = AuditCheckpoint.SignedTextOf(sequence, hash, signedAtUtc);
        return new AuditCheckpoint(sequence, hash, signedAtUtc, keyId, SignatureOf(masterKeys.DerivedKey(keyId, Purpose), text));
    }

    public CheckpointSignature Check(AuditCheckpoint checkpoint)
    {
        byte[] key;
        try
        {
            key = masterKeys.DerivedKey(checkpoint.KeyId, Purpose);
        }
        catch (CryptographicException)
        {
            return CheckpointSignature.KeyRetired;
        }

        var expected = Encoding.ASCII.GetBytes(SignatureOf(key, checkpoint.SignedText));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(checkpoint.Signature))
            ? CheckpointSignature.Valid
            : CheckpointSignature.Invalid;
    }

    private static string SignatureOf(byte[] key, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
}
