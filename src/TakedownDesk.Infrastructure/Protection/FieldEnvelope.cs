using System.Security.Cryptography;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce. Layout: version (1) | key id (16, the victim id) | nonce (12) | tag (16) | ciphertext.
/// The associated data binds the ciphertext to its column and row, so a value cannot be moved to another row unnoticed.
/// </summary>
public static class FieldEnvelope
{
    public const byte Version1 = 1;
    private const int KeyIdSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + KeyIdSize + NonceSize + TagSize;

    public static byte[] Seal(byte[] key, Guid keyId, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var envelope = new byte[HeaderSize + plaintext.Length];
        envelope[0] = Version1;
        keyId.TryWriteBytes(envelope.AsSpan(1, KeyIdSize));
        var nonce = envelope.AsSpan(1 + KeyIdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, envelope.AsSpan(HeaderSize), envelope.AsSpan(1 + KeyIdSize + NonceSize, TagSize), associatedData);
        return envelope;
    }

    public static Guid KeyIdOf(byte[] envelope)
    {
        if (envelope.Length < HeaderSize || envelope[0] != Version1)
        {
            throw new CryptographicException("Unknown field envelope version.");
        }

        return new Guid(envelope.AsSpan(1, KeyIdSize));
    }

    public static byte[] Open(byte[] key, byte[] envelope, ReadOnlySpan<byte> associatedData)
    {
        _ = KeyIdOf(envelope);
        var plaintext = new byte[envelope.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(envelope.AsSpan(1 + KeyIdSize, NonceSize), envelope.AsSpan(HeaderSize), envelope.AsSpan(1 + KeyIdSize + NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }

    /// <summary>Wraps a data key under a master-derived key: nonce | tag | ciphertext, bound to the victim id.</summary>
    public static byte[] Wrap(byte[] wrappingKey, byte[] dataKey, Guid victimId)
    {
        var wrapped = new byte[NonceSize + TagSize + dataKey.Length];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), dataKey, wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), victimId.ToByteArray());
        return wrapped;
    }

    public static byte[] Unwrap(byte[] wrappingKey, byte[] wrapped, Guid victimId)
    {
        var dataKey = new byte[wrapped.Length - NonceSize - TagSize];
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), dataKey, victimId.ToByteArray());
        return dataKey;
    }
}
