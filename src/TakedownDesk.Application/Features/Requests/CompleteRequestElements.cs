using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>Fills in the elements of a draft, its kind's fields included; the result lists what is still missing.</summary>
public sealed record CompleteRequestElementsCommand(
    Guid RequestId,
    SignatureInput? Signature,
    string? GoodFaithStatement,
    string? SupportingFacts,
    ContactInput? Contact,
    Guid? ExpectedConcurrencyStamp,
    ModelReportDetails? ModelReport = null,
    SearchDelistingDetails? SearchDelisting = null,
    TrainingOptOutDetails? TrainingOptOut = null,
    FaceSearchOptOutDetails? FaceSearchOptOut = null) : ICommand<ValidityCheck>, IKindFieldsInput;

public sealed record SignatureInput(string? SignedName, RequesterCapacity Capacity, string? AuthorityBasis, DateTimeOffset SignedAt);

public sealed record ContactInput(string? Name, string? Organisation, string? Email, string? Phone, string? PostalAddress);

public sealed class CompleteRequestElementsValidator : AbstractValidator<CompleteRequestElementsCommand>
{
    public CompleteRequestElementsValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Signature!.SignedName).MaximumLength(200).When(c => c.Signature is not null);
        RuleFor(c => c.Signature!.Capacity).IsInEnum().When(c => c.Signature is not null);
        RuleFor(c => c.Signature!.AuthorityBasis).MaximumLength(1000).When(c => c.Signature is not null);
        RuleFor(c => c.GoodFaithStatement).MaximumLength(4000);
        RuleFor(c => c.SupportingFacts).MaximumLength(8000);
        RuleFor(c => c.Contact!.Name).MaximumLength(200).When(c => c.Contact is not null);
        RuleFor(c => c.Contact!.Organisation).MaximumLength(200).When(c => c.Contact is not null);
        RuleFor(c => c.Contact!.Email).MaximumLength(320).EmailAddress().When(c => !string.IsNullOrEmpty(c.Contact?.Email));
        RuleFor(c => c.Contact!.Phone).MaximumLength(40).Matches("^[0-9+()\\-. ]*$").When(c => c.Contact is not null)
            .WithMessage("A phone number holds digits, spaces and + ( ) - . only.");
        RuleFor(c => c.Contact!.PostalAddress).MaximumLength(500).When(c => c.Contact is not null);
        Include(new KindFieldsValidator<CompleteRequestElementsCommand>());
    }
}

public sealed class CompleteRequestElementsHandler(ITakedownDeskDb db, ICurrentStaff staff) : ICommandHandler<CompleteRequestElementsCommand, ValidityCheck>
{
    public async ValueTask<ValidityCheck> Handle(CompleteRequestElementsCommand command, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        ConcurrencyStamp.EnsureUnchanged(request, command.ExpectedConcurrencyStamp);
        var signature = command.Signature is { } s
            ? new SignatureBlock(s.SignedName?.Trim() ?? string.Empty, s.Capacity, s.AuthorityBasis?.Trim(), s.SignedAt.UtcDateTime)
            : null;
        var contact = command.Contact is { } c
            ? new RequesterContact(c.Name?.Trim() ?? string.Empty, c.Organisation?.Trim(), c.Email?.Trim(), c.Phone?.Trim(), c.PostalAddress?.Trim())
            : null;
        request.CompleteElements(signature, command.GoodFaithStatement, command.SupportingFacts, contact);
        request.DescribeKind(command.ToKindFields());
        return ValidityCheck.Of(request);
    }
}
