using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Messaging.Rules;

/// <summary>
/// Text that ends up in an e-mail header (recipient, subject, attachment file name) may not contain a line break or
/// any other control character: a CR/LF there would let typed data add headers (Bcc:, a second body) to the message.
/// </summary>
public sealed class MailHeaderMustBeASingleLine(string header, string? value) : IBusinessRule
{
    public bool IsBroken() => value is not null && value.Any(char.IsControl);

    public string Message => $"The e-mail {header} may not contain line breaks or other control characters.";

    public static void Check(string header, string? value)
    {
        var rule = new MailHeaderMustBeASingleLine(header, value);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
