using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Prevention.Rules;

public sealed class PhotoSourceNeedsItsPlatform(string? platform) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(platform) || platform.Trim().Length > PhotoSource.MaxPlatformLength;

    public string Message => $"Name the platform or site of the profile (at most {PhotoSource.MaxPlatformLength} characters).";
}

/// <summary>A source is found again by its address; the photos themselves are never taken.</summary>
public sealed class PhotoSourceNeedsAWebAddress(string? urlError) : IBusinessRule
{
    public bool IsBroken() => urlError is not null;

    public string Message => $"Give the profile's web address: {urlError}";
}

public sealed class PhotoSourceStatusMustBeKnown(PhotoSourceStatus status) : IBusinessRule
{
    public bool IsBroken() => !Enum.IsDefined(status);

    public string Message => "That is not a status of a photo source.";
}

/// <summary>
/// StopNCII hashes images of adults; images of a possible minor go to NCMEC's Take It Down, which is for images taken before 18.
/// Neither service's image hash is ever stored: only the case number.
/// </summary>
public sealed class HashMatchingServiceMustFitTheCase(HashMatchingService service, bool possibleMinor) : IBusinessRule
{
    public bool IsBroken() => !Enum.IsDefined(service) || (service == HashMatchingService.StopNcii) == possibleMinor;

    public string Message => possibleMinor
        ? "The person may have been a minor when depicted: StopNCII is for adults and no image may be hashed through it. Use NCMEC Take It Down."
        : "NCMEC Take It Down is for images taken before 18: if the person may have been a minor when depicted, flag the case as a possible minor first.";
}

/// <summary>The PIN opens the person's case at the service: it stays with the person, never in the desk.</summary>
public sealed partial class OnlyTheHashCaseNumberIsKept(string? caseNumber) : IBusinessRule
{
    public bool IsBroken() =>
        string.IsNullOrWhiteSpace(caseNumber) || caseNumber.Trim().Length > HashMatchingCase.MaxCaseNumberLength || !CaseNumberShape().IsMatch(caseNumber.Trim());

    public string Message =>
        $"Enter only the service's case number (letters, digits and hyphens, at most {HashMatchingCase.MaxCaseNumberLength}). Never the PIN: it stays with the person.";

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumberShape();
}

/// <summary>The case number links the person to the service: kept only with consent recorded as who, when and how.</summary>
public sealed class HashCaseNumberNeedsConsent(string? givenBy, DateTime givenAtUtc, ConsentMethod method, DateTime nowUtc) : IBusinessRule
{
    public bool IsBroken() =>
        string.IsNullOrWhiteSpace(givenBy) || givenBy.Trim().Length > HashMatchingCase.MaxConsentGivenByLength || givenAtUtc > nowUtc || !Enum.IsDefined(method);

    public string Message => "Record who consented to keeping the case number, when (not in the future) and how.";
}
