using System.Security.Cryptography;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>A destroyed (or never created) data key: the victim's fields cannot be decrypted, by design after an erasure.</summary>
public sealed class DataKeyUnavailableException : CryptographicException
{
    public DataKeyUnavailableException()
        : base("The data key for these fields does not exist (the victim was erased, or the key store is not the one the data was written with).")
    {
    }

    public DataKeyUnavailableException(string message)
        : base(message)
    {
    }

    public DataKeyUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Hands out unwrapped victim data keys for one scope (a request), creating a victim's key on first use.</summary>
public sealed class VictimKeyRing(VictimKeyStore store, MasterKeyRing masterKeys, TimeProvider time) : IVictimKeys
{
    private readonly Dictionary<Guid, byte[]> unwrapped = [];

    public byte[] GetOrCreate(Guid victimId)
    {
        if (Find(victimId) is { } key)
        {
            return key;
        }

        var dataKey = RandomNumberGenerator.GetBytes(MasterKeyRing.KeySize);
        var masterKeyId = masterKeys.CurrentId;
        store.Insert(new StoredVictimKey(victimId, masterKeyId, FieldEnvelope.Wrap(masterKeys.WrappingKey(masterKeyId), dataKey, victimId)), time.GetUtcNow().UtcDateTime);
        unwrapped[victimId] = dataKey;
        return dataKey;
    }

    public byte[] Get(Guid victimId) => Find(victimId) ?? throw new DataKeyUnavailableException();

    public Task ShredAsync(Guid victimId, CancellationToken cancellationToken)
    {
        store.Delete(victimId);
        if (unwrapped.Remove(victimId, out var key))
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return Task.CompletedTask;
    }

    public Task<MasterKeyRotation> RotateMasterKeyAsync(CancellationToken cancellationToken)
    {
        var current = masterKeys.PrepareRotation();
        var wrappingKey = masterKeys.WrappingKey(current);
        var count = 0;
        foreach (var stored in store.All().Where(k => k.MasterKeyId != current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dataKey = FieldEnvelope.Unwrap(masterKeys.WrappingKey(stored.MasterKeyId), stored.WrappedKey, stored.VictimId);
            store.Replace(stored with { MasterKeyId = current, WrappedKey = FieldEnvelope.Wrap(wrappingKey, dataKey, stored.VictimId) });
            CryptographicOperations.ZeroMemory(dataKey);
            count++;
        }

        return Task.FromResult(new MasterKeyRotation(current, count));
    }

    private byte[]? Find(Guid victimId)
    {
        if (unwrapped.TryGetValue(victimId, out var key))
        {
            return key;
        }

        if (store.Find(victimId) is not { } stored)
        {
            return null;
        }

        key = FieldEnvelope.Unwrap(masterKeys.WrappingKey(stored.MasterKeyId), stored.WrappedKey, victimId);
        unwrapped[victimId] = key;
        return key;
    }
}
