using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

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
            // Until one is saved, a model report offers the hub's clause from the directory, for staff to check against the hub's page.
            ModelReportPolicyClause = v.ModelReport?.PolicyClause
                                      ?? (Suggestions is not null && v.Kind == RequestKind.ModelLikenessReport ? Process?.PolicyClause : null),
            ModelReportRelatedRemovalRequestReference = v.ModelReport?.RelatedRemovalRequestReference,
            SearchDelistingSearchQueries = v.SearchDelisting is { } delisting ? string.Join('\n', delisting.SearchQueries) : null,
            TrainingOptOutDatasetName = v.TrainingOptOut?.DatasetName,
            TrainingOptOutExclusion = v.TrainingOptOut?.Exclusion,
            FaceSearchOptOutRemoval = v.FaceSearchOptOut?.Removal,
            FaceSearchOptOutResultReferences = v.FaceSearchOptOut?.ResultReferences,
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

    /// <summary>Runs one command; on success shows the request afresh, on failure shows the form again with what was typed and the errors beside it.</summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, Func<ValueTask<T>> send, string prefix, Func<string, string>? map, CancellationToken ct)
    {
        var errors = new ModelStateDictionary();
        return (await errors.TrySendAsync(send, prefix, map)).Sent ? Redirect($"/Requests/{id}") : await RedisplayAsync(id, prefix, errors, ct);
    }

    private async Task<IActionResult> RedisplayAsync(Guid id, string prefix, ModelStateDictionary errors, CancellationToken ct)
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

}
