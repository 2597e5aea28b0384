using System.Globalization;
using System.Security.Claims;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages;

/// <summary>Instants are stored in UTC and shown in the staff member's own time zone, with a relative time beside them.</summary>
public sealed class StaffTime(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static StaffTime For(ClaimsPrincipal user) => new(StaffClaims.TimeZoneOf(user));

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Format(DateTime utc)
    {
        var local = Local(utc);
        var abbreviation = Zone.Id == "UTC" ? "UTC" : Zone.Id;
        return local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " " + abbreviation;
    }

    public string Format(DateTime? utc) => utc is { } value ? Format(value) : "—";

    /// <summary>A local date or date-and-time typed into a form, as an instant.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>
    /// A time typed to the minute: the current minute means now (the form cannot say "now" more precisely, and a time
    /// cut to the minute could otherwise fall before the record it follows); any other minute is taken as typed.
    /// </summary>
    public DateTime EnteredUtc(DateTime local, DateTime nowUtc)
    {
        var entered = ToInstant(local).UtcDateTime;
        return entered <= nowUtc && nowUtc - entered < TimeSpan.FromMinutes(1) ? nowUtc : entered;
    }

    public DateTime EndOfLocalDayUtc(DateTime nowUtc)
    {
        var end = DateTime.SpecifyKind(Local(nowUtc).Date.AddDays(1), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(end, Zone);
    }

    /// <summary>"in 5 h 12 min" or "3 h 4 min overdue".</summary>
    public static string Relative(TimeSpan remaining)
    {
        var span = remaining.Duration();
        var text = span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h")
            : span.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(span.Minutes, 0)} min");
        return remaining < TimeSpan.Zero ? text + " overdue" : "in " + text;
    }
}
