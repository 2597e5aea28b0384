using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using TakedownDesk.IntegrationTests.Support;

// One throwaway cluster for the whole test run; tests receive it through their constructor.
[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>
/// A real, throwaway PostgreSQL cluster in a temporary folder: initdb, pg_ctl start on a free
/// TCP port of 127.0.0.1 (unix socket inside the folder), trust authentication for the
/// "postgres" superuser, fsync off. Each test asks for its own database with
/// <see cref="CreateDatabaseAsync"/>. Stopped (immediate) and deleted on dispose.
/// </summary>
/// <remarks>
/// Binaries: <c>TAKEDOWNDESK_PG_BIN</c> if set, else <c>/usr/lib/postgresql/15/bin</c>, else the
/// highest version under <c>/usr/lib/postgresql/*/bin</c>. initdb refuses to run as root, so as
/// root the cluster runs as the <c>postgres</c> user through <c>runuser</c>.
/// </remarks>
public sealed partial class PostgresCluster : IAsyncLifetime
{
    private const string PreferredBinDirectory = "/usr/lib/postgresql/15/bin";
    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private DirectoryInfo? _root;
    private bool _started;

    /// <summary>Folder holding initdb, pg_ctl and postgres.</summary>
    public string BinDirectory { get; private set; } = "";

    /// <summary>Major version of the server, e.g. 15.</summary>
    public int MajorVersion { get; private set; }

    /// <summary>TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Folder of the cluster's data (PGDATA).</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>Folder holding the unix socket (also the temporary root folder).</summary>
    public string SocketDirectory => RootDirectory;

    private string RootDirectory => _root?.FullName ?? throw new InvalidOperationException("The cluster is not initialised.");

    private string LogFile => Path.Combine(RootDirectory, "postgres.log");

    private static bool RunningAsRoot => Environment.UserName == "root";

    public async ValueTask InitializeAsync()
    {
        BinDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked for $TAKEDOWNDESK_PG_BIN, " + PreferredBinDirectory +
            " and /usr/lib/postgresql/*/bin/initdb). The integration tests start a real throwaway cluster: " +
            "install it with `apt-get install -y postgresql-15` (or `apt-get install -y postgresql`), " +
            "or run `bash .ci/run`, which installs it.");
        MajorVersion = ReadMajorVersion(BinDirectory);

        _root = Directory.CreateTempSubdirectory("takedowndesk-pg-");
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit may not dispose a fixture whose initialisation failed: leave nothing behind.
            await StopAndDeleteAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        if (RunningAsRoot)
        {
            await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", RootDirectory], asClusterOwner: false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"],
            asClusterOwner: true);

        // The free port is found by binding port 0 and releasing it; another process could take it
        // in between, so retry start on a new port a few times.
        Exception? lastError = null;
        for (var attempt = 0; attempt < 3 && !_started; attempt++)
        {
            Port = FindFreePort();
            try
            {
                var options = string.Join(' ',
                    $"-k {SocketDirectory}",
                    $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
                    "-c listen_addresses=127.0.0.1",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c shared_buffers=32MB",
                    "-c max_connections=200");
                await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
                    ["-D", DataDirectory, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"],
                    asClusterOwner: true);
                _started = true;
            }
            catch (InvalidOperationException ex)
            {
                lastError = ex;
            }
        }

        if (!_started)
        {
            throw new InvalidOperationException($"PostgreSQL did not start. Server log:{Environment.NewLine}{ReadLog()}", lastError);
        }

        await WaitUntilAcceptingConnectionsAsync();
    }

    /// <summary>Connection string for a database of this cluster (superuser, trust auth).</summary>
    public string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>Creates a new, empty database with a unique name; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N");
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Use a lower-case identifier: letters, digits, underscores (max 63).", nameof(name));
        }

        await _createLock.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The name is checked against DatabaseName() above: a quoted plain identifier.
            command.CommandText = "CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            _createLock.Release();
        }

        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAndDeleteAsync();
        _createLock.Dispose();
    }

    private async Task StopAndDeleteAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try
            {
                await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
                    ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asClusterOwner: true);
            }
            catch (InvalidOperationException)
            {
                // Best effort: the folder is removed below either way.
            }

            _started = false;
        }

        if (_root is not null)
        {
            try
            {
                _root.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            _root = null;
        }
    }

    private static string? FindBinDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TAKEDOWNDESK_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(Path.Combine(fromEnvironment, "initdb")) ? fromEnvironment : null;
        }

        if (File.Exists(Path.Combine(PreferredBinDirectory, "initdb")))
        {
            return PreferredBinDirectory;
        }

        const string versionsRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(versionsRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(versionsRoot)
            .Select(dir => (dir, version: decimal.TryParse(Path.GetFileName(dir), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.version >= 0 && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }

    private static int ReadMajorVersion(string binDirectory)
    {
        // "postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"
        var output = RunAndCapture(Path.Combine(binDirectory, "postgres"), ["--version"]);
        var match = MajorVersionPattern().Match(output);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Cannot read the PostgreSQL version from: {output}");
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task WaitUntilAcceptingConnectionsAsync()
    {
        var deadline = DateTime.UtcNow + CommandTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asClusterOwner)
    {
        var startInfo = CreateStartInfo(fileName, arguments, asClusterOwner);
        startInfo.WorkingDirectory = RootDirectory;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{output}");
        }
    }

    private static string RunAndCapture(string fileName, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(CreateStartInfo(fileName, arguments, asClusterOwner: false))
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    private static ProcessStartInfo CreateStartInfo(string fileName, IReadOnlyList<string> arguments, bool asClusterOwner)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asClusterOwner && RunningAsRoot)
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(Superuser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The server must not pick up the caller's libpq settings.
        foreach (var name in new[] { "PGDATA", "PGPORT", "PGHOST", "PGUSER", "PGDATABASE", "PGPASSWORD" })
        {
            startInfo.Environment.Remove(name);
        }

        return startInfo;
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex MajorVersionPattern();
}
