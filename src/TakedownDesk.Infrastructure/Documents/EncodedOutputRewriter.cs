using Fluid.Ast;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>
/// Routes every <c>{{ … }}</c> through <see cref="EncodedOutputExpression"/>: Fluid writes lists (a list field, or the
/// result of split, sort, uniq, compact) without HTML-encoding their items, which would let data carry live tags.
/// </summary>
public sealed class EncodedOutputRewriter : AstRewriter
{
    protected override Statement VisitOutputStatement(OutputStatement outputStatement) =>
        base.VisitOutputStatement(outputStatement) is OutputStatement visited
            ? new OutputStatement(new EncodedOutputExpression(visited.Expression))
            : outputStatement;
}
