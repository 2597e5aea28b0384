namespace TakedownDesk.Domain.Escalations;

/// <summary>
/// The daily digest goes out at a local time of day in each staff member's own time zone. Computed from the zone's
/// rules for each date, so it stays at 08:00 local on both sides of a daylight-saving change.
/// </summary>
public static class DigestSchedule
{
    public static readonly TimeOnly DefaultLocalTime = new(8, 0);

    /// <summary>The local date whose digest is due at <paramref name="nowUtc"/>: on or after the local time, within the catch-up window.</summary>
    public static DateOnly? DueLocalDate(TimeZoneInfo zone, DateTime nowUtc, TimeOnly localTime, TimeSpan catchUpWindow)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone);
        var today = DateOnly.FromDateTime(localNow);
        var dueUtc = RunAtUtc(zone, today, localTime);
        return nowUtc >= dueUtc && nowUtc < dueUtc + catchUpWindow ? today : null;
    }

    /// <summary>The first digest instant strictly after <paramref name="afterUtc"/>.</summary>
    public static DateTime NextRunUtc(TimeZoneInfo zone, DateTime afterUtc, TimeOnly localTime)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(afterUtc, zone)).AddDays(-1);
        while (true)
        {
            var candidate = RunAtUtc(zone, date, localTime);
            if (candidate > afterUtc)
            {
                return candidate;
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>The UTC instant of <paramref name="localTime"/> on <paramref name="date"/> in the zone; a skipped local time moves forward by the gap.</summary>
    public static DateTime RunAtUtc(TimeZoneInfo zone, DateOnly date, TimeOnly localTime)
    {
        var local = date.ToDateTime(localTime, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
