using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>Turns one kind of request into its letter's template and model.</summary>
public interface INoticeComposer
{
    RequestKind Kind { get; }

    /// <summary>The letter for this request: a kind may word it differently for some platforms.</summary>
    string TemplateFor(NoticeParts parts);

    object Compose(NoticeParts parts);
}

/// <summary>One composer per request kind.</summary>
public static class NoticeComposers
{
    private static readonly INoticeComposer[] All =
    [
        new StatutoryRemovalComposer(), new ModelReportComposer(), new SearchDelistingComposer(), new TrainingOptOutComposer(), new FaceSearchOptOutComposer(),
    ];

    public static INoticeComposer For(RequestKind kind) => All.Single(c => c.Kind == kind);
}
