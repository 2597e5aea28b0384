using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Seals each ASP.NET Core data-protection key under the master key before it is stored in the database, so a copy of
/// the database alone cannot forge sign-in cookies or antiforgery tokens.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKeyRing masterKeys) : IXmlEncryptor
{
    internal const string ElementName = "sealedKey";
    internal const string MasterKeyAttribute = "masterKeyId";
    internal static readonly byte[] Purpose = Encoding.UTF8.GetBytes("TakedownDesk data-protection key v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var masterKeyId = masterKeys.CurrentId;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var sealedBytes = new byte[nonce.Length + plaintext.Length + AesGcm.TagByteSizes.MaxSize];
        nonce.CopyTo(sealedBytes, 0);
        using (var aes = new AesGcm(masterKeys.DerivedKey(masterKeyId, Purpose), AesGcm.TagByteSizes.MaxSize))
        {
            aes.Encrypt(
                nonce,
                plaintext,
                sealedBytes.AsSpan(nonce.Length, plaintext.Length),
                sealedBytes.AsSpan(nonce.Length + plaintext.Length),
                Purpose);
        }

        var element = new XElement(ElementName, new XAttribute(MasterKeyAttribute, masterKeyId), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; data protection creates it with the service provider.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var masterKeyId = (string?)encryptedElement.Attribute(MasterKeyXmlEncryptor.MasterKeyAttribute)
                          ?? throw new CryptographicException("A stored data-protection key names no master key.");
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plaintext = new byte[sealedBytes.Length - nonceSize - tagSize];
        var masterKeys = services.GetRequiredService<MasterKeyRing>();
        using (var aes = new AesGcm(masterKeys.DerivedKey(masterKeyId, MasterKeyXmlEncryptor.Purpose), tagSize))
        {
            aes.Decrypt(
                sealedBytes.AsSpan(0, nonceSize),
                sealedBytes.AsSpan(nonceSize, plaintext.Length),
                sealedBytes.AsSpan(nonceSize + plaintext.Length),
                plaintext,
                MasterKeyXmlEncryptor.Purpose);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
