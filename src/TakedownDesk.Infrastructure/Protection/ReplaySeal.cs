using System.Text;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Seals the responses kept for idempotent replays: they echo content URLs and pasted text, but belong to no victim
/// key, so they are sealed under a key derived from a master key and expire after <see cref="Window"/>.
/// Stored as "{master key id}:{base64 envelope}", bound to the record.
/// </summary>
public sealed class ReplaySeal(MasterKeyRing masterKeys)
{
    /// <summary>How long a retry replays the first response; afterwards the record is deleted and a retry runs again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public string Seal(string body, long recordId)
    {
        var masterKeyId = masterKeys.CurrentId;
        var envelope = FieldEnvelope.Seal(masterKeys.ReplayKey(masterKeyId), Guid.Empty, Encoding.UTF8.GetBytes(body), AssociatedData(recordId));
        return $"{masterKeyId}:{Convert.ToBase64String(envelope)}";
    }

    public string Open(string sealedBody, long recordId)
    {
        // Base64 has no ':', so the last one separates the master key id (which may contain one).
        var separator = sealedBody.LastIndexOf(':');
        var envelope = Convert.FromBase64String(sealedBody[(separator + 1)..]);
        return Encoding.UTF8.GetString(FieldEnvelope.Open(masterKeys.ReplayKey(sealedBody[..separator]), envelope, AssociatedData(recordId)));
    }

    private static byte[] AssociatedData(long recordId) => Encoding.UTF8.GetBytes($"IdempotencyRecord.ResponseBody:{recordId}");
}
