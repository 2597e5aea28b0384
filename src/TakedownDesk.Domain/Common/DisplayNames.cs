using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace TakedownDesk.Domain.Common;

/// <summary>
/// The one wording of an enum value for people: its member's <c>[Display(Name = …)]</c>, which select lists
/// (<c>Html.GetEnumSelectList</c>) read too, so a list and the text beside it never disagree.
/// </summary>
public static class DisplayNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Describe(this Enum value) => Cache.GetOrAdd(value, Find);

    /// <summary>The member's display name, or null when it has none (the unit tests require one on every enum staff see).</summary>
    public static string? Of(FieldInfo member) => member.GetCustomAttribute<DisplayAttribute>()?.GetName();

    private static string Find(Enum value)
    {
        var type = value.GetType();
        if (type.GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static) is { } member)
        {
            return Of(member) ?? throw new InvalidOperationException($"{type.Name}.{member.Name} has no [Display(Name)].");
        }

        // A combination of [Flags] members: each set member's wording, in declaration order.
        if (type.IsDefined(typeof(FlagsAttribute)))
        {
            var set = Enum.GetValues(type).Cast<Enum>().Where(flag => Convert.ToUInt64(flag, null) != 0 && value.HasFlag(flag));
            return string.Join(", ", set.Select(Describe));
        }

        return value.ToString();
    }
}
