using FluentValidation;
using Mediator;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Application.Features.Documents;

/// <summary>Generates and stores the final PDF notice for a request; refused while a statutory element is missing.</summary>
public sealed record GenerateRemovalNoticeCommand(Guid RequestId) : ICommand<GeneratedNotice>, IPrintsDocuments;

public sealed record GeneratedNotice(Guid DocumentId, int Version, string TemplateFile, string TemplateSha256, string PdfSha256);

public sealed class GenerateRemovalNoticeValidator : AbstractValidator<GenerateRemovalNoticeCommand>
{
    public GenerateRemovalNoticeValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
    }
}

public sealed class GenerateRemovalNoticeHandler(RemovalNotices notices) : ICommandHandler<GenerateRemovalNoticeCommand, GeneratedNotice>
{
    public async ValueTask<GeneratedNotice> Handle(GenerateRemovalNoticeCommand command, CancellationToken cancellationToken)
    {
        var document = (await notices.ProduceFinalAsync(command.RequestId, cancellationToken)).Document;
        return new GeneratedNotice(document.Id, document.Version, document.TemplateFile, document.TemplateSha256, document.PdfSha256);
    }
}
