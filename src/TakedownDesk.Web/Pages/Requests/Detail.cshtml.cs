using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Web.Pages.Requests;

/// <summary>One request of any kind, step by step: elements and kind fields, documents, submission, acknowledgment, outcomes, dispute and resubmission.</summary>
public sealed partial class RequestDetailModel(ISender mediator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ElementsForm Elements { get; set; } = new();

    [BindProperty]
    public SubmissionForm Submission { get; set; } = new();

    [BindProperty]
    public AcknowledgmentForm Acknowledgment { get; set; } = new();

    [BindProperty]
    public DisputeForm Dispute { get; set; } = new();

    public RemovalRequestView? View { get; private set; }

    public IReadOnlyList<DocumentVersion> Documents { get; private set; } = [];

    /// <summary>The request as sent from the desk by e-mail (if it was) and the platform's replies.</summary>
    public RequestCorrespondenceView Correspondence { get; private set; } = new(null, []);

    public DateTime NowUtc { get; private set; }

    /// <summary>The platform's process from the directory: channel, steps, what it asks for, receipt, warnings.</summary>
    public PlatformProcess? Process { get; private set; }

    /// <summary>What the elements form offers while nothing is saved yet: the staff member as signer and contact, the organisation, vetted statements.</summary>
    public RequestElementSuggestions? Suggestions { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        FillForms();
    }

    /// <summary>Every form as the request stands; on a redisplay the posted form's typed values win (they are in ModelState).</summary>
    private void FillForms()
    {
        var v = View!;
        Elements = new ElementsForm
        {
            SignatureSignedName = v.Signature?.SignedName,
            SignatureCapacity = v.Signature?.Capacity ?? RequesterCapacity.AuthorizedPerson,
            SignatureAuthorityBasis = v.Signature?.AuthorityBasis,
            GoodFaithStatement = v.GoodFaithStatement,
            SupportingFacts = v.SupportingFacts,
            ContactName = v.Contact?.Name,
            ContactOrganisation = v.Contact?.Organisation,
            ContactEmail = v.Contact?.Email,
            ContactPhone = v.Contact?.Phone,
            ModelReportModelName = v.ModelReport?.ModelName,
            ModelReportLikenessStatement = v.ModelReport?.LikenessStatement,
            ModelReportPolicyClause = v.ModelReport?.PolicyClause,
            ModelReportRelatedRemovalRequestReference = v.ModelReport?.RelatedRemovalRequestReference,
            SearchDelistingSearchQueries = v.SearchDelisting is { } delisting ? string.Join('\n', delisting.SearchQueries) : null,
            TrainingOptOutDatasetName = v.TrainingOptOut?.DatasetName,
            TrainingOptOutExclusion = v.TrainingOptOut?.Exclusion,
            ExpectedConcurrencyStamp = v.ConcurrencyStamp,
        };
        Suggest(Elements, v, Suggestions);
        // X lists its in-app report first; the channel with an address is the one a form can record.
        var designated = v.DesignatedChannels.FirstOrDefault(c => c.Target is not null) ?? (v.DesignatedChannels.Count > 0 ? v.DesignatedChannels[0] : null);
        Submission = new SubmissionForm
        {
            Channel = designated?.Kind ?? ChannelKind.WebForm,
            ChannelTarget = designated?.Target,
            SubmittedAt = StaffTime.For(User).Local(NowUtc),
            ExpectedConcurrencyStamp = v.ConcurrencyStamp,
        };
        Acknowledgment = new AcknowledgmentForm { AcknowledgedAt = StaffTime.For(User).Local(NowUtc) };
    }

    public Task<IActionResult> OnPostElementsAsync(Guid id, CancellationToken ct)
    {
        var time = StaffTime.For(User);
        var e = Elements;
        var signature = string.IsNullOrWhiteSpace(e.SignatureSignedName)
            ? null
            : new SignatureInput(e.SignatureSignedName, e.SignatureCapacity, e.SignatureAuthorityBasis, time.ToInstant(time.Local(clock.GetUtcNow().UtcDateTime)));
        var contact = AnyFilled(e.ContactName, e.ContactOrganisation, e.ContactEmail, e.ContactPhone) ? new ContactInput(e.ContactName, e.ContactOrganisation, Blank(e.ContactEmail), Blank(e.ContactPhone), null) : null;
        var command = new CompleteRequestElementsCommand(id, signature, Blank(e.GoodFaithStatement), Blank(e.SupportingFacts), contact, e.ExpectedConcurrencyStamp)
        {
            // The form shows only the request's own kind's fields, so only those arrive filled in.
            ModelReport = AnyFilled(e.ModelReportModelName, e.ModelReportLikenessStatement, e.ModelReportPolicyClause, e.ModelReportRelatedRemovalRequestReference)
                ? new ModelReportDetails(e.ModelReportModelName, e.ModelReportLikenessStatement, e.ModelReportPolicyClause, e.ModelReportRelatedRemovalRequestReference)
                : null,
            SearchDelisting = AnyFilled(e.SearchDelistingSearchQueries) ? new SearchDelistingDetails(e.SearchDelistingSearchQueries!.Split('\n')) : null,
            TrainingOptOut = AnyFilled(e.TrainingOptOutDatasetName, e.TrainingOptOutExclusion) ? new TrainingOptOutDetails(e.TrainingOptOutDatasetName, e.TrainingOptOutExclusion) : null,
        };
        return RunAsync(
            id,
            () => mediator.Send(command, ct).AsTask(),
            "Elements",
            field => ListIndex().Replace(field.Replace(".", string.Empty, StringComparison.Ordinal), string.Empty),
            ct);
    }

    /// <summary>
    /// Starts the legal clock, so it takes the time the request was sent and an explicit confirmation: Enter pressed in a
    /// text field submits the form, but without the box ticked it changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var s = Submission;
        if (!s.Confirmed)
        {
            var unconfirmed = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            unconfirmed.AddModelError("Submission.Confirmed", "Tick the box to confirm the request was sent at the time shown; nothing was recorded.");
            return await RedisplayAsync(id, "Submission", unconfirmed, ct);
        }

        var time = StaffTime.For(User);
        DateTimeOffset? sentAt = s.SubmittedAt is { } local ? time.EnteredUtc(local, clock.GetUtcNow().UtcDateTime) : null;
        return await RunAsync(
            id,
            () => mediator.Send(
                new SubmitRemovalRequestCommand(id, s.Channel, Blank(s.ChannelTarget), s.WhyDesignated ?? string.Empty, Blank(s.ConfirmationNumber), Blank(s.MessageId), null, s.ExpectedConcurrencyStamp, sentAt),
                ct).AsTask(),
            "Submission",
            null,
            ct);
    }

    /// <summary>
    /// Queues the notice to the platform's designated address; like recording a submission it starts the clock (when the
    /// server accepts it), so it needs the box ticked that names the platform and the address.
    /// </summary>
    public async Task<IActionResult> OnPostSendEmailAsync(Guid id, string? sendTo, bool sendConfirmed, CancellationToken ct)
    {
        if (!sendConfirmed)
        {
            var unconfirmed = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            unconfirmed.AddModelError(string.Empty, "Tick the box that names the platform and the address; nothing was sent.");
            return await RedisplayAsync(id, string.Empty, unconfirmed, ct);
        }

        return await RunAsync(id, () => mediator.Send(new SendRequestByEmailCommand(id, sendTo ?? string.Empty), ct).AsTask(), string.Empty, _ => string.Empty, ct);
    }

    /// <summary>One action: what the reply means is recorded at the e-mail's Date, not at the click.</summary>
    public Task<IActionResult> OnPostConfirmReplyAsync(Guid id, Guid emailId, ReplyMeaning meaning, string? platformRequestNumber, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new ConfirmReplyCommand(emailId, meaning, Blank(platformRequestNumber)), ct).AsTask(), string.Empty, _ => string.Empty, ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        var time = StaffTime.For(User);
        return RunAsync(
            id,
            () => mediator.Send(new RecordAcknowledgmentCommand(id, Acknowledgment.PlatformRequestNumber ?? string.Empty, time.ToInstant(Acknowledgment.AcknowledgedAt)), ct).AsTask(),
            "Acknowledgment",
            null,
            ct);
    }

    /// <summary>The outcome at the time staff saw it (default now), not at the click.</summary>
    public Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid locationId, LocationOutcome outcome, DateTime? outcomeAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var at = outcomeAt is { } local ? StaffTime.For(User).EnteredUtc(local, now) : now;
        return RunAsync(id, () => mediator.Send(new RecordOutcomeCommand(id, locationId, outcome, new DateTimeOffset(at, TimeSpan.Zero)), ct).AsTask(), string.Empty, null, ct);
    }

    public Task<IActionResult> OnPostDisputeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new DisputeValidityCommand(id, Dispute.Reason ?? string.Empty), ct).AsTask(), "Dispute", null, ct);

    /// <summary>Stores the final notice and hands its PDF to the browser; an incomplete request shows what is missing instead.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var notice = await mediator.Send(new GenerateRemovalNoticeCommand(id), ct);
            return Redirect($"/api/v1/documents/{notice.DocumentId}/pdf");
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostResubmitAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var drafted = await mediator.Send(new ResubmitRemovalRequestCommand(id), ct);
            return Redirect($"/Requests/{drafted.RequestId}");
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
            await LoadAsync(id, ct);
            return Page();
        }
    }

    /// <summary>Runs one command; on success shows the request afresh, on failure shows the form again with what was typed and the errors beside it.</summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<T>> send, string prefix, Func<string, string>? map, CancellationToken ct)
    {
        var errors = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        try
        {
            await send();
            return Redirect($"/Requests/{id}");
        }
        catch (RequestValidationException exception)
        {
            errors.AddErrors(exception, prefix, map);
        }
        catch (BusinessRuleViolationException exception)
        {
            errors.AddError(exception);
        }
        catch (ConcurrencyConflictException exception)
        {
            errors.AddError(exception);
        }

        return await RedisplayAsync(id, prefix, errors, ct);
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, string prefix, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors, CancellationToken ct)
    {
        var attempted = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in ModelState)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                attempted[key] = entry.AttemptedValue;
            }
        }

        // Only the form that was posted keeps its typed values; the other forms are filled afresh.
        ModelState.Clear();
        foreach (var (key, value) in attempted)
        {
            ModelState.SetModelValue(key, value, value);
        }

        ModelState.Merge(errors);
        await LoadAsync(id, ct);
        FillForms();
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await mediator.Send(new GetRemovalRequestQuery(id), ct);
        Documents = await mediator.Send(new ListRequestDocumentsQuery(id), ct);
        Correspondence = await mediator.Send(new GetRequestCorrespondenceQuery(id), ct);
        Process = await mediator.Send(new GetPlatformProcessQuery(View.PlatformId), ct);
        Suggestions = View.Status is RequestStatus.Draft or RequestStatus.Ready ? await mediator.Send(new SuggestRequestElementsQuery(id), ct) : null;
        NowUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>Fills only what the request does not hold yet; staff read and can change every suggestion before saving.</summary>
    private static void Suggest(ElementsForm form, RemovalRequestView view, RequestElementSuggestions? suggestions)
    {
        if (suggestions is null)
        {
            return;
        }

        if (view.Signature is null)
        {
            form.SignatureSignedName = suggestions.SignedName;
            form.SignatureAuthorityBasis = suggestions.AuthorityBasis;
        }

        if (view.Contact is null)
        {
            form.ContactName = suggestions.ContactName;
            form.ContactOrganisation = suggestions.ContactOrganisation;
            form.ContactEmail = suggestions.ContactEmail;
        }

        if (view.GoodFaithStatement is null && view.Kind == RequestKind.StatutoryRemoval && suggestions.Statements.Count > 0)
        {
            form.GoodFaithStatement = suggestions.Statements[0].Text;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool AnyFilled(params string?[] values) => values.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>"SearchDelisting.SearchQueries[2]" is shown beside the one text box that holds every query.</summary>
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex();
}

public sealed class ElementsForm
{
    public string? SignatureSignedName { get; set; }

    public RequesterCapacity SignatureCapacity { get; set; } = RequesterCapacity.AuthorizedPerson;

    public string? SignatureAuthorityBasis { get; set; }

    public string? GoodFaithStatement { get; set; }

    public string? SupportingFacts { get; set; }

    public string? ContactName { get; set; }

    public string? ContactOrganisation { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? ModelReportModelName { get; set; }

    public string? ModelReportLikenessStatement { get; set; }

    public string? ModelReportPolicyClause { get; set; }

    public string? ModelReportRelatedRemovalRequestReference { get; set; }

    /// <summary>One search per line.</summary>
    public string? SearchDelistingSearchQueries { get; set; }

    public string? TrainingOptOutDatasetName { get; set; }

    public string? TrainingOptOutExclusion { get; set; }

    public Guid? ExpectedConcurrencyStamp { get; set; }
}

public sealed class SubmissionForm
{
    public ChannelKind Channel { get; set; }

    public string? ChannelTarget { get; set; }

    public string? WhyDesignated { get; set; }

    public string? ConfirmationNumber { get; set; }

    public string? MessageId { get; set; }

    /// <summary>When the request was sent, in the staff member's zone; the form offers now.</summary>
    public DateTime? SubmittedAt { get; set; }

    public bool Confirmed { get; set; }

    public Guid? ExpectedConcurrencyStamp { get; set; }
}

public sealed class AcknowledgmentForm
{
    public string? PlatformRequestNumber { get; set; }

    public DateTime AcknowledgedAt { get; set; }
}

public sealed class DisputeForm
{
    public string? Reason { get; set; }
}
