using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>A member path that, when it reads something undefined, fails with the path as the template wrote it.</summary>
public sealed class NamedMemberExpression(MemberExpression inner) : Expression
{
    private const string Renamed = "TakedownDesk.PathNamed";

    public string Path { get; } = string.Join('.', inner.Segments.Select(s => s is IdentifierSegment id ? id.Identifier : "[…]"));

    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        try
        {
            return await inner.EvaluateAsync(context);
        }
        catch (FluidException e) when (e.Message.StartsWith("Undefined variable", StringComparison.Ordinal) && !e.Data.Contains(Renamed))
        {
            // Marked so that an enclosing path (model.items[model.x]) keeps the innermost, most precise name.
            throw new FluidException($"Undefined variable '{Path}'", e) { Data = { [Renamed] = true } };
        }
    }
}
