namespace TakedownDesk.Domain.Common;

public abstract class Entity
{
    public Guid Id { get; protected init; }

    protected static void CheckRule(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
