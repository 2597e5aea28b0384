using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Prevention.Rules;

namespace TakedownDesk.Domain.Prevention;

/// <summary>
/// The case number a hash-matching service gave the person, kept only with their consent (who, when, how), so staff can
/// follow it up. Never the PIN that goes with it, never the image or its hash. The number and who consented are sealed.
/// </summary>
public sealed class HashMatchingCase : Entity
{
    public const int MaxCaseNumberLength = 64;
    public const int MaxConsentGivenByLength = 200;

    private HashMatchingCase()
    {
        CaseNumber = string.Empty;
        ConsentGivenBy = string.Empty;
        RecordedBy = string.Empty;
    }

    private HashMatchingCase(Case @case, HashMatchingService service, string caseNumber, string consentGivenBy, DateTime consentGivenAtUtc, ConsentMethod consentMethod, string recordedBy, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        VictimId = @case.VictimId;
        CaseId = @case.Id;
        Service = service;
        CaseNumber = caseNumber.Trim();
        ConsentGivenBy = consentGivenBy.Trim();
        ConsentGivenAtUtc = consentGivenAtUtc;
        ConsentMethod = consentMethod;
        RecordedBy = recordedBy;
        RecordedAtUtc = nowUtc;
    }

    public Guid VictimId { get; private set; }

    public Guid CaseId { get; private set; }

    public HashMatchingService Service { get; private set; }

    public string CaseNumber { get; private set; }

    public string ConsentGivenBy { get; private set; }

    public DateTime ConsentGivenAtUtc { get; private set; }

    public ConsentMethod ConsentMethod { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public static HashMatchingCase Record(
        Case @case, HashMatchingService service, string caseNumber, string consentGivenBy, DateTime consentGivenAtUtc, ConsentMethod consentMethod, string recordedBy, DateTime nowUtc)
    {
        CheckRule(new HashMatchingServiceMustFitTheCase(service, @case.RoutedToNcmec));
        CheckRule(new OnlyTheHashCaseNumberIsKept(caseNumber));
        CheckRule(new HashCaseNumberNeedsConsent(consentGivenBy, Utc.Require(consentGivenAtUtc), consentMethod, Utc.Require(nowUtc)));
        return new HashMatchingCase(@case, service, caseNumber, consentGivenBy, consentGivenAtUtc, consentMethod, recordedBy, nowUtc);
    }
}
