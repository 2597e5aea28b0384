namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Configuration section "Encryption". Master keys: a list of { Id, Key (base64, 32 bytes) }, the first is current;
/// with none configured a key file master.key is created in the data directory. The victim key store is a separate
/// database (by default keys.db in the data directory) so that restoring a case-database backup cannot restore a destroyed key.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    public List<MasterKeyOption> MasterKeys { get; set; } = [];

    /// <summary>Default: {DataDirectory}/master.key.</summary>
    public string? MasterKeyFile { get; set; }

    public KeyStoreProvider KeyStoreProvider { get; set; } = KeyStoreProvider.Sqlite;

    /// <summary>Default: a SQLite file keys.db in the data directory. For PostgreSQL or SQL Server: a database (or server) of its own, backed up on its own schedule.</summary>
    public string? KeyStoreConnectionString { get; set; }
}

public sealed class MasterKeyOption
{
    public string Id { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;
}

public enum KeyStoreProvider
{
    Sqlite,
    Postgres,

    /// <summary>A SQL Server database of its own; the same three statements, not run against a server on the build machines.</summary>
    SqlServer,
}
