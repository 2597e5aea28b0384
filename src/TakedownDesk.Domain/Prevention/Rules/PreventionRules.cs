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
