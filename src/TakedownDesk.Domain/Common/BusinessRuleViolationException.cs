namespace TakedownDesk.Domain.Common;

public sealed class BusinessRuleViolationException : Exception
{
    public BusinessRuleViolationException(IBusinessRule rule)
        : base(rule.Message)
    {
        RuleName = rule.GetType().Name;
        IsStateConflict = rule is IStateRule;
    }

    public BusinessRuleViolationException()
    {
        RuleName = string.Empty;
    }

    public BusinessRuleViolationException(string message)
        : base(message)
    {
        RuleName = string.Empty;
    }

    public BusinessRuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleName = string.Empty;
    }

    public string RuleName { get; }

    /// <summary>For rules checked outside an entity (an entity uses its own CheckRule).</summary>
    public static void ThrowIfBroken(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }

    /// <summary>The broken rule is an <see cref="IStateRule"/>: the record is in the wrong state for this.</summary>
    public bool IsStateConflict { get; }
}
