using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakedownDesk.Web.Api.Contract;

/// <summary>
/// How the API writes and reads JSON (docs/decisions/0021): camelCase names without the C# "Utc" suffix (every
/// instant the API writes ends in "Z", and an instant sent to it may carry any offset, so one name serves both
/// ways), enums by name, and a set of flags as an array of names.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = new CamelCaseWithoutUtcSuffix();
        options.Converters.Add(new FlagsAsArrayConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static bool IsFlags(Type type) => type.IsEnum && type.IsDefined(typeof(FlagsAttribute), inherit: false);

    /// <summary>The named single flags of a [Flags] enum, in declaration order (the empty set is an empty array, not a name).</summary>
    public static IReadOnlyList<string> FlagNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => Convert.ToUInt64(field.GetValue(null), System.Globalization.CultureInfo.InvariantCulture) is var bits && bits != 0 && (bits & (bits - 1)) == 0)
            .Select(field => field.Name)
            .ToList();

    /// <summary>A set of flags that is not an array of their names; <see cref="Expected"/> is safe to show (it holds no input).</summary>
    public sealed class NotANameException(IReadOnlyList<string> names) : JsonException
    {
        public string Expected { get; } = $"Expected an array of names, any of: {string.Join(", ", names)}.";
    }

    private sealed class CamelCaseWithoutUtcSuffix : JsonNamingPolicy
    {
        private const string Suffix = "Utc";

        public override string ConvertName(string name) =>
            CamelCase.ConvertName(name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : name);
    }

    private sealed class FlagsAsArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => IsFlags(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(FlagsAsArrayConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class FlagsAsArrayConverter<TFlags> : JsonConverter<TFlags>
        where TFlags : struct, Enum
    {
        private static readonly IReadOnlyList<string> Names = FlagNames(typeof(TFlags));

        public override TFlags Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new NotANameException(Names);
            }

            ulong bits = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (name is null || !Names.Contains(name, StringComparer.Ordinal))
                {
                    throw new NotANameException(Names);
                }

                bits |= Convert.ToUInt64(Enum.Parse<TFlags>(name), System.Globalization.CultureInfo.InvariantCulture);
            }

            return (TFlags)Enum.ToObject(typeof(TFlags), bits);
        }

        public override void Write(Utf8JsonWriter writer, TFlags value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var name in Names.Where(name => value.HasFlag(Enum.Parse<TFlags>(name))))
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }
    }
}
