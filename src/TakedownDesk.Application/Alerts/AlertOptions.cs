namespace TakedownDesk.Application.Alerts;

/// <summary>Configuration section "Alerts": how staff e-mails link back to the desk and how long alerts wait to be sent together.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>The address staff open the desk at, e.g. "https://desk.helpline.example"; without it e-mails carry the path only.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The organisation named in the footer of every staff e-mail.</summary>
    public string OrganisationName { get; set; } = "your organisation";

    /// <summary>
    /// While a burst of steps is still being worked through, a person's alerts wait to go out as one e-mail, at most this
    /// long; once the due steps are done they go at once.
    /// </summary>
    public int MaxWaitSeconds { get; set; } = 30;
}
