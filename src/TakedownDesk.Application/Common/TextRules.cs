using System.Globalization;
using FluentValidation;

namespace TakedownDesk.Application.Common;

/// <summary>Text that ends up in headers, letters and lists: what it must not carry.</summary>
public static class TextRules
{
    /// <summary>A line break in an address or target could split a header or a letter's line into two.</summary>
    public static IRuleBuilderOptions<T, TText> SingleLine<T, TText>(this IRuleBuilder<T, TText> rule) =>
        rule.Must(text => text is not string line || line.AsSpan().IndexOfAny('\r', '\n') < 0)
            .WithMessage("Enter this on one line: it may not contain a line break.");

    /// <summary>
    /// A name is shown beside others and printed in letters: control characters and invisible formatting characters
    /// (bidirectional overrides, zero-width joiners) could make it read as someone else's or reorder what follows it.
    /// </summary>
    public static IRuleBuilderOptions<T, TText> PlainName<T, TText>(this IRuleBuilder<T, TText> rule) =>
        rule.Must(text => text is not string name || IsPlainName(name))
            .WithMessage(NotPlainName);

    public const string NotPlainName = "Remove the invisible or control characters from this name.";

    public static bool IsPlainName(string name) =>
        !name.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);
}
