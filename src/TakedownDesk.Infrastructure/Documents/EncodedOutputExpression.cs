using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>An output value that is always written HTML-encoded: anything but a plain scalar becomes encoded text.</summary>
public sealed class EncodedOutputExpression(Expression inner) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var value = await inner.EvaluateAsync(context);
        return value switch
        {
            StringValue { Encode: true } or NumberValue or BooleanValue or NilValue or DateTimeValue => value,
            _ => new StringValue(value.ToStringValue(), encode: true),
        };
    }
}
