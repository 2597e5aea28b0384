using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>
/// A real IMAP server: Debian's Dovecot, started on 127.0.0.1 and a free port with a throwaway configuration in a
/// temporary folder (one passwd-file user, maildir inside the folder, no TLS), stopped and deleted on dispose. Messages
/// are delivered into it the way another mail client would: IMAP APPEND.
/// </summary>
/// <remarks>As root, Dovecot's own unprivileged users run its login and internal processes and "nobody" owns the mail.</remarks>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string User = "desk@helpline.example";
    public const string Password = "imap-test-password";
    private const string Binary = "/usr/sbin/dovecot";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo root;
    private Process? process;

    private DovecotServer(DirectoryInfo root, int port)
    {
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    public string ConfigFile => Path.Combine(root.FullName, "dovecot.conf");

    /// <summary>The app's settings for this mailbox (plain IMAP on loopback).</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Imap:Host"] = "127.0.0.1",
        ["Email:Imap:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Imap:TlsMode"] = "None",
        ["Email:Imap:User"] = User,
        ["Email:Imap:Password"] = Password,
        ["Email:Imap:Folder"] = "INBOX",
        ["Email:Imap:PollIntervalSeconds"] = "1",
        ["Email:Imap:TimeoutSeconds"] = "10",
    };

    public static async Task<DovecotServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} not found. The e-mail tests read a real IMAP server: install it with `apt-get install -y dovecot-imapd`, or run `bash .ci/run`, which installs it.");
        }

        var root = Directory.CreateTempSubdirectory("takedowndesk-imap-");
        var server = new DovecotServer(root, FreePort());
        try
        {
            await server.LaunchAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Delivers a message into the user's INBOX; returns its UID.</summary>
    public async Task<uint> DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        var uid = await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None), TestContext.Current.CancellationToken);
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
        return uid?.Id ?? 0;
    }

    /// <summary>Delivers many messages over one connection (MULTIAPPEND where offered).</summary>
    public async Task DeliverManyAsync(IEnumerable<MimeMessage> messages)
    {
        using var client = await ConnectAsync();
        var requests = messages.Select(m => (IAppendRequest)new AppendRequest(m, MessageFlags.None)).ToList();
        foreach (var chunk in requests.Chunk(100))
        {
            await client.Inbox.AppendAsync(chunk, TestContext.Current.CancellationToken);
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    /// <summary>The INBOX's UIDVALIDITY, as the desk records it.</summary>
    public async Task<uint> UidValidityAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, TestContext.Current.CancellationToken);
        return client.Inbox.UidValidity;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            try
            {
                using var stop = Process.Start(new ProcessStartInfo(Binary, ["-c", ConfigFile, "stop"]) { RedirectStandardError = true, RedirectStandardOutput = true });
                if (stop is not null)
                {
                    await stop.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process?.Dispose();
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await client.AuthenticateAsync(User, Password, TestContext.Current.CancellationToken);
        return client;
    }

    private async Task LaunchAsync()
    {
        var asRoot = Environment.UserName == "root";
        var owner = asRoot ? "nobody" : Environment.UserName;
        var group = asRoot ? "nogroup" : Environment.UserName;
        var mail = Directory.CreateDirectory(Path.Combine(root.FullName, "mail"));
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // Dovecot's unprivileged processes must reach the folder; the mail belongs to the mail user.
            File.SetUnixFileMode(root.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await RunAsync("chown", [$"{owner}:{group}", mail.FullName]);
        }

        File.WriteAllText(Path.Combine(root.FullName, "users"), $"{User}:{{PLAIN}}{Password}::::::\n");
        var internalUser = asRoot ? "dovecot" : owner;
        var loginUser = asRoot ? "dovenull" : owner;
        File.WriteAllText(ConfigFile, $$"""
            instance_name = takedowndesk-test-{{Port}}
            base_dir = {{root.FullName}}/run
            state_dir = {{root.FullName}}/state
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            log_path = {{root.FullName}}/dovecot.log
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:{{root.FullName}}/mail/%n
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{root.FullName}}/users
            }
            userdb {
              driver = static
              args = uid={{owner}} gid={{group}} home={{root.FullName}}/mail/%n
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """);

        process = Process.Start(new ProcessStartInfo(Binary, ["-F", "-c", ConfigFile]))
                  ?? throw new InvalidOperationException("Dovecot did not start.");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var client = await ConnectAsync();
                await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
                return;
            }
            catch (Exception exception) when (exception is SocketException or IOException or ImapProtocolException or AuthenticationException && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
            catch (Exception exception) when (exception is SocketException or IOException or ImapProtocolException or AuthenticationException)
            {
                var log = Path.Combine(root.FullName, "dovecot.log");
                throw new InvalidOperationException($"Dovecot did not accept IMAP connections on 127.0.0.1:{Port}. Log:{Environment.NewLine}{(File.Exists(log) ? File.ReadAllText(log) : "(none)")}", exception);
            }
        }
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} failed: {await run.StandardError.ReadToEndAsync()}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
