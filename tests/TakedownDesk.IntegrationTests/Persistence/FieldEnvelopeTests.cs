using System.Security.Cryptography;
using System.Text;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.IntegrationTests.Persistence;

public class FieldEnvelopeTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly Guid KeyId = Guid.NewGuid();
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("Marker Legalname Zq");
    private static readonly byte[] Row = Encoding.UTF8.GetBytes("Victim.Details:1");

    [Fact]
    public void A_sealed_value_names_its_key_opens_with_it_and_never_repeats_its_nonce()
    {
        var first = FieldEnvelope.Seal(Key, KeyId, Plaintext, Row);
        var second = FieldEnvelope.Seal(Key, KeyId, Plaintext, Row);

        Assert.Equal(FieldEnvelope.Version1, first[0]);
        Assert.Equal(KeyId, FieldEnvelope.KeyIdOf(first));
        Assert.Equal(Plaintext, FieldEnvelope.Open(Key, first, Row));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_changed_byte_another_row_or_another_key_fails_to_open()
    {
        var sealedValue = FieldEnvelope.Seal(Key, KeyId, Plaintext, Row);
        var tampered = (byte[])sealedValue.Clone();
        tampered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => FieldEnvelope.Open(Key, tampered, Row));
        Assert.ThrowsAny<CryptographicException>(() => FieldEnvelope.Open(Key, sealedValue, Encoding.UTF8.GetBytes("Victim.Details:2")));
        Assert.ThrowsAny<CryptographicException>(() => FieldEnvelope.Open(RandomNumberGenerator.GetBytes(32), sealedValue, Row));
    }

    [Fact]
    public void A_wrapped_data_key_unwraps_only_for_its_victim()
    {
        var wrappingKey = RandomNumberGenerator.GetBytes(32);
        var victim = Guid.NewGuid();
        var wrapped = FieldEnvelope.Wrap(wrappingKey, Key, victim);

        Assert.Equal(Key, FieldEnvelope.Unwrap(wrappingKey, wrapped, victim));
        Assert.ThrowsAny<CryptographicException>(() => FieldEnvelope.Unwrap(wrappingKey, wrapped, Guid.NewGuid()));
    }
}
