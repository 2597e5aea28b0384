using MailKit.Security;

namespace TakedownDesk.Infrastructure.Email;

/// <summary>Configuration section "Email:Imap": the organisation's mailbox the platforms' replies arrive in. No Host: nothing is read.</summary>
public sealed class ImapOptions
{
    public const string Section = "Email:Imap";

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>SslOnConnect (port 993), StartTls (143, required), or None (a local server only).</summary>
    public SecureSocketOptions TlsMode { get; set; } = SecureSocketOptions.SslOnConnect;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>How often the mailbox is checked when the server offers no IDLE, and the longest one IDLE lasts before it is renewed.</summary>
    public int PollIntervalSeconds { get; set; } = 60;

    /// <summary>Use IDLE when the server offers it (new mail is read at once); false: poll only.</summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>A larger message is not kept at all (the inbox queue says so); its size is counted as the server reports it.</summary>
    public long MaxMessageBytes { get; set; } = 25L * 1024 * 1024;

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Which mailbox UIDs belong to: the account and folder (UIDVALIDITY tells if the server renumbered it).</summary>
    public string MailboxKey => $"{User}/{Folder}".ToLowerInvariant();
}
