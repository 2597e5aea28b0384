using System.Globalization;
using System.Net;
using System.Text;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>A plain rendering of a request's four statutory elements, until the PDF/HTML notice renderer replaces it.</summary>
public sealed class PlainNoticeRenderer : INoticeRenderer
{
    public ComposedMail Render(RemovalRequest request, Case @case)
    {
        var lines = new List<string>
        {
            "Removal request under the TAKE IT DOWN Act (Pub. L. 119-12, Sec. 3)",
            $"Our reference: {request.Reference}",
            string.Empty,
            "1. Identification and location of the intimate visual depiction:",
        };
        lines.AddRange(request.Items.Select(i => "   " + @case.FindLocation(i.LocationId).Url));
        lines.Add(string.Empty);
        lines.Add("2. Statement of good-faith belief:");
        lines.Add("   " + request.GoodFaithStatement);
        if (request.SupportingFacts is { } facts)
        {
            lines.Add("   " + facts);
        }

        lines.Add(string.Empty);
        lines.Add("3. Contact information:");
        var contact = request.Contact!;
        lines.AddRange(new[] { contact.Name, contact.Organisation, contact.Email, contact.Phone, contact.PostalAddress }
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => "   " + v));
        lines.Add(string.Empty);
        var signature = request.Signature!;
        lines.Add("4. Signature:");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"   /{signature.SignedName}/ ({signature.Capacity}), {signature.SignedAtUtc:yyyy-MM-dd HH:mm} UTC"));
        if (signature.AuthorityBasis is { } basis)
        {
            lines.Add("   Authority: " + basis);
        }

        var html = new StringBuilder("<!DOCTYPE html><html><body><pre>");
        html.Append(WebUtility.HtmlEncode(string.Join("\n", lines))).Append("</pre></body></html>");
        return new ComposedMail($"TAKE IT DOWN Act removal request {request.Reference}", html.ToString(), string.Join("\r\n", lines) + "\r\n");
    }
}
