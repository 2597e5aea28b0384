using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Web.Pages.Admin;

/// <summary>A directory entry as a form: one field per part of the profile, channels as rows; the escalation path and reply patterns are kept as they are.</summary>
public sealed partial class PlatformEditModel(ISender mediator) : PageModel
{
    /// <summary>Empty channel rows offered below the ones filled in; "Add another channel" posts the form back with one more.</summary>
    public const int BlankChannelRows = 1;

    public const int MinimumChannelRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public PlatformForm Form { get; set; } = new();

    [BindProperty]
    public string? Source { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var view = await mediator.Send(new GetPlatformQuery(id), ct);
            Form = PlatformForm.From(view.Entry, view.ConcurrencyStamp);
        }

        PadChannelRows(BlankChannelRows);
    }

    /// <summary>Works without JavaScript: the whole form comes back with what was typed and one more empty channel row.</summary>
    public IActionResult OnPostAddChannel()
    {
        ModelState.Clear();
        Form.Channels.Add(new ChannelRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = Id is { } existing ? (await mediator.Send(new GetPlatformQuery(existing), ct)).Entry : null;
        var (entry, rows) = Form.ToEntry(current);
        var saved = await this.TrySendAsync(() => mediator.Send(new SavePlatformCommand(Id, entry.Slug, entry, Form.ExpectedConcurrencyStamp), ct), string.Empty, field => FormField(field, rows));
        return saved.Sent ? Redirect($"/Platforms/{saved.Result}") : Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        if ((await this.TrySendAsync(() => mediator.Send(new MarkPlatformVerifiedCommand(id, Source), ct))).Sent)
        {
            return Redirect($"/Platforms/{id}");
        }

        await OnGetAsync(ct);
        return Page();
    }

    private void PadChannelRows(int blank)
    {
        for (var added = 0; added < blank || Form.Channels.Count < MinimumChannelRows; added++)
        {
            Form.Channels.Add(new ChannelRow());
        }
    }

    /// <summary>
    /// The form field an error of the command belongs beside: "Entry.Channels[1].Target" is the row the admin typed it in
    /// (empty rows are not sent), a line of a list is its text box, and what the form does not show goes to the summary.
    /// </summary>
    private static string FormField(string field, IReadOnlyList<int> rows)
    {
        var name = field.StartsWith("Entry.", StringComparison.Ordinal) ? field["Entry.".Length..] : field;
        if (ChannelIndex().Match(name) is { Success: true } channel)
        {
            var row = int.Parse(channel.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return row < rows.Count ? $"Form.Channels[{rows[row]}]{channel.Groups[2].Value}" : "Form.Channels";
        }

        var property = ListIndex().Replace(name, string.Empty);
        return property is nameof(PlatformForm.Slug) or nameof(PlatformForm.Name) or nameof(PlatformForm.Kind) or nameof(PlatformForm.Domains)
            or nameof(PlatformForm.Coverage) or nameof(PlatformForm.CoverageNote) or nameof(PlatformForm.Channels) or nameof(PlatformForm.AsksFor)
            or nameof(PlatformForm.Receipt) or nameof(PlatformForm.Warnings) or nameof(PlatformForm.PolicyClause) or nameof(PlatformForm.Notes) or nameof(PlatformForm.Source)
            ? "Form." + property
            : string.Empty;
    }

    [GeneratedRegex(@"^Channels\[(\d+)\](.*)$")]
    private static partial Regex ChannelIndex();

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex ListIndex();
}

/// <summary>What the administrator types; lists are one item per line.</summary>
public sealed class PlatformForm
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public PlatformKind Kind { get; set; }

    public string? Domains { get; set; }

    public Coverage Coverage { get; set; }

    public string? CoverageNote { get; set; }

    public List<ChannelRow> Channels { get; set; } = [];

    public string? AsksFor { get; set; }

    public string? Receipt { get; set; }

    public string? Warnings { get; set; }

    public string? PolicyClause { get; set; }

    public string? Notes { get; set; }

    public string? Source { get; set; }

    public Guid? ExpectedConcurrencyStamp { get; set; }

    public static PlatformForm From(PlatformEntry entry, Guid concurrencyStamp) => new()
    {
        Slug = entry.Slug,
        Name = entry.Name,
        Kind = entry.Kind,
        Domains = string.Join('\n', entry.Domains),
        Coverage = entry.Coverage,
        CoverageNote = entry.CoverageNote,
        Channels = entry.Channels.Select(c => new ChannelRow { Kind = c.Kind, Target = c.Target, Instructions = c.Instructions, Designated = c.DesignatedForTakeItDown }).ToList(),
        AsksFor = string.Join('\n', entry.AsksFor),
        Receipt = entry.Receipt,
        Warnings = string.Join('\n', entry.Warnings ?? []),
        PolicyClause = entry.PolicyClause,
        Notes = entry.Notes,
        Source = entry.Source,
        ExpectedConcurrencyStamp = concurrencyStamp,
    };

    /// <summary>The entry to save, keeping what the form does not show from <paramref name="current"/>; and, per channel sent, the row it came from.</summary>
    public (PlatformEntry Entry, IReadOnlyList<int> Rows) ToEntry(PlatformEntry? current)
    {
        var rows = Channels.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        var entry = new PlatformEntry(
            current?.Slug ?? Slug?.Trim() ?? string.Empty,
            Name ?? string.Empty,
            Kind,
            Lines(Domains),
            Coverage,
            CoverageNote,
            rows.Select(r => new ChannelEntry(r.row.Kind, r.row.Target?.Trim(), r.row.Instructions?.Trim(), r.row.Designated)).ToList(),
            Lines(AsksFor),
            Receipt,
            Notes,
            current?.Verification ?? Verification.Unverified,
            Source,
            current?.LastCheckedOn,
            current?.EscalationPath,
            current?.ReplyPatterns,
            Lines(Warnings),
            PolicyClause);
        return (entry, rows.Select(r => r.index).ToList());
    }

    private static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}

public sealed class ChannelRow
{
    public ChannelKind Kind { get; set; }

    public string? Target { get; set; }

    public string? Instructions { get; set; }

    public bool Designated { get; set; }

    /// <summary>A row left as offered (no address, no instructions) is not a channel.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Target) && string.IsNullOrWhiteSpace(Instructions);
}
