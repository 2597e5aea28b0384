using Fluid.Ast;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>
/// Wraps every member path (<c>model.signature.signer_name</c>) of a parsed template so that a strict-variables
/// failure names the whole path; Fluid alone names members of text and list values as 'Fluid.Ast.IdentifierSegment'.
/// </summary>
public sealed class MemberPathNamingRewriter : AstRewriter
{
    protected override Expression VisitMemberExpression(MemberExpression memberExpression) =>
        base.VisitMemberExpression(memberExpression) is MemberExpression visited ? new NamedMemberExpression(visited) : memberExpression;
}
