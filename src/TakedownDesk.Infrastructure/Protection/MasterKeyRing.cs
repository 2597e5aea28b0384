using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// The organisation's master keys. They never protect data directly: they wrap the per-victim data keys, and the
/// current one derives (HKDF) the key of the URL index.
/// </summary>
public sealed class MasterKeyRing
{
    public const int KeySize = 32;

    private static readonly byte[] WrapInfo = Encoding.UTF8.GetBytes("TakedownDesk victim-key wrap v1");
    private static readonly byte[] IndexInfo = Encoding.UTF8.GetBytes("TakedownDesk url index v1");
    private static readonly byte[] ReplayInfo = Encoding.UTF8.GetBytes("TakedownDesk idempotency replay v1");
    private static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true };

    private readonly Lock gate = new();
    private readonly string? file;
    private List<MasterKeyOption> keys;

    public MasterKeyRing(EncryptionOptions options, string dataDirectory)
    {
        if (options.MasterKeys.Count > 0)
        {
            keys = options.MasterKeys.ToList();
        }
        else
        {
            file = options.MasterKeyFile ?? Path.Combine(dataDirectory, "master.key");
            keys = File.Exists(file) ? Read(file) : [];
            if (keys.Count == 0)
            {
                keys = [NewKey()];
                Write(file, keys);
            }
        }

        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key.Id) || Convert.FromBase64String(key.Key).Length != KeySize)
            {
                throw new InvalidOperationException($"Every Encryption:MasterKeys entry needs an Id and a base64 {KeySize}-byte Key.");
            }
        }
    }

    public string CurrentId
    {
        get
        {
            lock (gate)
            {
                return keys[0].Id;
            }
        }
    }

    /// <summary>The key that wraps victim keys under the named master key (a derived key, never the master key itself).</summary>
    public byte[] WrappingKey(string masterKeyId) => DerivedKey(masterKeyId, WrapInfo);

    /// <summary>The key that seals stored API responses kept for idempotent replays (they hold no victim key to shred).</summary>
    public byte[] ReplayKey(string masterKeyId) => DerivedKey(masterKeyId, ReplayInfo);

    /// <summary>A key for one purpose (HKDF info), derived from the named master key; the master key itself protects nothing.</summary>
    public byte[] DerivedKey(string masterKeyId, byte[] purpose)
    {
        lock (gate)
        {
            var master = keys.Find(k => k.Id == masterKeyId)
                         ?? throw new CryptographicException($"Master key {masterKeyId} is not configured; keep old master keys until rotation has finished.");
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(master.Key), KeySize, [], purpose);
        }
    }

    /// <summary>The key of the URL index (HMAC-SHA256), derived from the current master key.</summary>
    public byte[] IndexKey()
    {
        lock (gate)
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(keys[0].Key), KeySize, [], IndexInfo);
        }
    }

    /// <summary>With a key file, adds a new current key (old ones stay to decrypt); configured keys are rotated by the operator.</summary>
    public string PrepareRotation()
    {
        lock (gate)
        {
            if (file is not null)
            {
                keys = [NewKey(), .. keys];
                Write(file, keys);
            }

            return keys[0].Id;
        }
    }

    private static MasterKeyOption NewKey() => new()
    {
        Id = "mk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)),
    };

    private static List<MasterKeyOption> Read(string path) =>
        JsonSerializer.Deserialize<List<MasterKeyOption>>(File.ReadAllText(path)) ?? [];

    private static void Write(string path, List<MasterKeyOption> keys)
    {
        PrivateDirectory.Create(Path.GetDirectoryName(path)!);
        var temporary = path + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, keys, FileFormat);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
