using TakedownDesk.Domain.Common;

namespace TakedownDesk.UnitTests.Builders;

/// <summary>Asserts that an action is refused by the named business rule.</summary>
public static class Rule
{
    public static BusinessRuleViolationException Broken(string ruleName, Action action)
    {
        var ex = Assert.Throws<BusinessRuleViolationException>(action);
        Assert.Equal(ruleName, ex.RuleName);
        return ex;
    }
}
