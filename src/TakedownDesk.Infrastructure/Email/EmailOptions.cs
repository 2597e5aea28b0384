namespace TakedownDesk.Infrastructure.Email;

/// <summary>Configuration section "Email". With no Host, messages are written as .eml files to {DataDirectory}/mail-drop/.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS when true (required then); plain SMTP when false (local relays, tests).</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "TakedownDesk <takedowndesk@localhost>";

    public int TimeoutSeconds { get; set; } = 30;
}
