using System.Globalization;
using System.Text.RegularExpressions;

namespace TakedownDesk.Domain.Cases;

/// <summary>A reference staff can read out on the phone: TD-2026-00042.</summary>
public readonly partial record struct CaseReference(int Year, int Number)
{
    public static CaseReference Create(int year, int number)
    {
        if (year is < 2000 or > 9999 || number is < 1 or > 99999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "A case reference needs a four-digit year and a number from 1 to 99999.");
        }

        return new CaseReference(year, number);
    }

    public static bool TryParse(string? text, out CaseReference reference)
    {
        reference = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || number < 1)
        {
            return false;
        }

        reference = new CaseReference(year, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TD-{Year:D4}-{Number:D5}");

    [GeneratedRegex("^TD-(?<year>[0-9]{4})-(?<number>[0-9]{5})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
