using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Domain.Documents;

namespace TakedownDesk.Application.Features.Documents;

/// <summary>Generates and stores the final PDF notice for a request; refused while a statutory element is missing.</summary>
public sealed record GenerateRemovalNoticeCommand(Guid RequestId) : ICommand<GeneratedNotice>;

public sealed record GeneratedNotice(Guid DocumentId, int Version, string TemplateFile, string TemplateSha256, string PdfSha256);

public sealed class GenerateRemovalNoticeValidator : AbstractValidator<GenerateRemovalNoticeCommand>
{
    public GenerateRemovalNoticeValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
    }
}

public sealed class GenerateRemovalNoticeHandler(ITakedownDeskDb db, RemovalNotices notices, IDocumentRenderer renderer, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<GenerateRemovalNoticeCommand, GeneratedNotice>
{
    public async ValueTask<GeneratedNotice> Handle(GenerateRemovalNoticeCommand command, CancellationToken cancellationToken)
    {
        var (documentRequest, request) = await notices.ComposeAsync(command.RequestId, cancellationToken);
        GeneratedDocument.EnsureFinalNoticeIsComplete(request);
        var rendered = await renderer.RenderAsync(documentRequest, cancellationToken);
        var pdf = await renderer.PrintAsync(rendered, cancellationToken);
        var version = await db.Documents.CountAsync(d => d.RequestId == request.Id, cancellationToken) + 1;
        var document = GeneratedDocument.FinalNotice(
            request, version, rendered.TemplateName, rendered.TemplateFile, rendered.TemplateSha256, pdf, staff.Id, time.UtcNow());
        db.Documents.Add(document);
        return new GeneratedNotice(document.Id, document.Version, document.TemplateFile, document.TemplateSha256, document.PdfSha256);
    }
}
