using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Web.Pages.Requests;

/// <summary>The request page's elements form: the four statutory elements and the kind's own fields.</summary>
public sealed partial class RequestDetailModel
{
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
            FaceSearchOptOut = AnyFilled(e.FaceSearchOptOutRemoval, e.FaceSearchOptOutResultReferences) ? new FaceSearchOptOutDetails(e.FaceSearchOptOutRemoval, e.FaceSearchOptOutResultReferences) : null,
        };
        return RunAsync(
            id,
            () => mediator.Send(command, ct),
            "Elements",
            field => ListIndex().Replace(field.Replace(".", string.Empty, StringComparison.Ordinal), string.Empty),
            ct);
    }


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

    public string? FaceSearchOptOutRemoval { get; set; }

    public string? FaceSearchOptOutResultReferences { get; set; }

    public Guid? ExpectedConcurrencyStamp { get; set; }
}
