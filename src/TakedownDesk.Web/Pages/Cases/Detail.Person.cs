using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The person's details and contacts, edited after intake; the form opens with the confidential details it was shown with.</summary>
public sealed partial class CaseDetailModel
{
    [BindProperty]
    public PersonForm Person { get; set; } = new();

    /// <summary>What the last form saved, said once on the page it redirected to.</summary>
    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnPostPersonAsync(Guid id, CancellationToken ct)
    {
        // A contact whose address was cleared is removed; the errors of the rest go back to their own rows.
        var kept = Person.ContactChannels.Select((row, index) => (row, index)).Where(r => !string.IsNullOrWhiteSpace(r.row.Value)).ToList();
        var command = new EditVictimDetailsCommand(
            id,
            Person.Pseudonym?.Trim() ?? string.Empty,
            Person.LegalName,
            Person.DateOfBirth is { } dob ? DateOnly.FromDateTime(dob) : null,
            Person.PreferredLanguage,
            Person.Notes,
            kept.Select(r => new ContactChannelInput(r.row.Kind, r.row.Value!.Trim(), r.row.SafeToContact, r.row.SafetyNote)).ToList(),
            Person.ExpectedConcurrencyStamp);
        string RowOf(string field) => SentRow().Replace(field, m => $"ContactChannels[{kept[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)].index}]");
        if ((await this.TrySendAsync(() => mediator.Send(command, ct), nameof(Person), RowOf)).Sent)
        {
            Saved = "The person's details and contacts are saved.";
            return Redirect($"/Cases/{id}");
        }

        Confidential = await mediator.Send(new GetConfidentialDetailsQuery(id), ct);
        return await ShowAsync(id, ct);
    }

    [GeneratedRegex(@"^ContactChannels\[(\d+)\]")]
    private static partial Regex SentRow();

    private void PrefillPerson(VictimSummary victim, ConfidentialDetailsView details) =>
        Person = new PersonForm
        {
            Pseudonym = victim.Pseudonym,
            LegalName = details.LegalName,
            DateOfBirth = details.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
            PreferredLanguage = details.PreferredLanguage,
            Notes = details.Notes,
            ContactChannels = [.. details.ContactChannels.Select(c => new ContactRow { Kind = c.Kind, Value = c.Value, SafeToContact = c.SafeToContact, SafetyNote = c.SafetyNote }), new ContactRow()],
            ExpectedConcurrencyStamp = victim.ConcurrencyStamp,
        };
}

public sealed class PersonForm
{
    public string? Pseudonym { get; set; }

    public string? LegalName { get; set; }

    public DateTime? DateOfBirth { get; set; }

    public string? PreferredLanguage { get; set; }

    public string? Notes { get; set; }

    /// <summary>The recorded contacts and one empty row for a new one.</summary>
    public List<ContactRow> ContactChannels { get; set; } = [];

    public Guid? ExpectedConcurrencyStamp { get; set; }
}

public sealed class ContactRow
{
    public ContactChannelKind Kind { get; set; }

    public string? Value { get; set; }

    public bool SafeToContact { get; set; } = true;

    public string? SafetyNote { get; set; }
}
