using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliEcsSpec.Client;

/// <summary>
/// Reads an identifier the service sends as a JSON string in one revision and as a JSON number in another
/// (<c>OrderId</c>). Numbers keep their exact decimal text, so no digit is lost to a floating-point conversion.
/// Anything else (an object, an array, a boolean, a fraction) is not an identifier and fails the parse.
/// </summary>
internal sealed class StringOrIntegerConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                var digits = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                if (!IsInteger(digits))
                {
                    throw new JsonException("OrderId is a number but not an integer.");
                }

                return Encoding.ASCII.GetString(digits);
            default:
                throw new JsonException($"OrderId must be a string or an integer, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    // The reader has already checked the JSON number syntax: an integer is one without fraction, exponent or sign.
    private static bool IsInteger(ReadOnlySpan<byte> number) => number.IndexOfAny(".eE-"u8) < 0;
}
