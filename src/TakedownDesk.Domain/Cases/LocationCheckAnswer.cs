using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Cases;

/// <summary>What one automatic check of a location's address found, read from the status code only.</summary>
public enum LocationCheckAnswer
{
    /// <summary>A 2xx answer: the page is still served.</summary>
    [Display(Name = "Online")]
    Online,

    /// <summary>A 404 or 410 answer: the page says it is gone.</summary>
    [Display(Name = "Gone (404/410)")]
    Gone,

    /// <summary>Anything else (other codes, timeouts, refused or blocked addresses, too many redirects): says nothing either way.</summary>
    [Display(Name = "Inconclusive")]
    Inconclusive,
}

public static class LocationCheckAnswers
{
    /// <summary>Only 2xx says "online" and only 404/410 say "gone"; 401/403/5xx and silence say nothing about removal.</summary>
    public static LocationCheckAnswer FromStatusCode(int? statusCode) => statusCode switch
    {
        >= 200 and < 300 => LocationCheckAnswer.Online,
        404 or 410 => LocationCheckAnswer.Gone,
        _ => LocationCheckAnswer.Inconclusive,
    };
}
