namespace TakedownDesk.Domain.Cases;

/// <summary>A block of text staff pasted, one URL per line: good lines are kept, bad lines are reported with the reason.</summary>
public sealed record PastedUrls(IReadOnlyList<PastedUrls.GoodLine> Good, IReadOnlyList<PastedUrls.BadLine> Bad)
{
    public const int MaximumLines = 2000;

    public static PastedUrls Parse(string? text)
    {
        var good = new List<GoodLine>();
        var bad = new List<BadLine>();
        var lines = (text ?? string.Empty).Split('\n');
        for (var index = 0; index < lines.Length && index < MaximumLines; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (NormalizedUrl.TryCreate(line, out var url, out var error))
            {
                good.Add(new GoodLine(index + 1, url!));
            }
            else
            {
                bad.Add(new BadLine(index + 1, line.Length > 200 ? line[..200] + "…" : line, error!));
            }
        }

        if (lines.Skip(MaximumLines).Any(l => !string.IsNullOrWhiteSpace(l)))
        {
            bad.Add(new BadLine(MaximumLines + 1, string.Empty, $"Only the first {MaximumLines} lines are read; paste the rest separately."));
        }

        return new PastedUrls(good, bad);
    }

    public sealed record GoodLine(int LineNumber, NormalizedUrl Url);

    public sealed record BadLine(int LineNumber, string Text, string Reason);
}
