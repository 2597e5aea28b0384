using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Requests;

/// <summary>Only a Sec. 3 request carries the statutory 48-hour clock; the others get follow-up reminders.</summary>
public enum RequestKind
{
    [Display(Name = "Removal request (TAKE IT DOWN Act)")]
    StatutoryRemoval,
    [Display(Name = "Report of an AI model of the person")]
    ModelLikenessReport,
    [Display(Name = "Search delisting request")]
    SearchDelisting,
    [Display(Name = "AI-training opt-out")]
    TrainingOptOut,
    [Display(Name = "Face-search opt-out")]
    FaceSearchOptOut,
}

public static class RequestKindNames
{
    /// <summary>What staff and platforms call the letter: the page heading, the board and the e-mail subject.</summary>
    public static string Title(this RequestKind kind) => kind switch
    {
        RequestKind.ModelLikenessReport => "Person-specific model report",
        RequestKind.SearchDelisting => "Search delisting request",
        RequestKind.TrainingOptOut => "AI training opt-out",
        RequestKind.FaceSearchOptOut => "Face-search opt-out",
        _ => "TAKE IT DOWN Act removal request",
    };
}
