using System.Globalization;
using System.Buffers;
using System.Text;

namespace AliEcsSpec.Client;

/// <summary>
/// The documented rules a request must meet before anything is sent. Every failure is an
/// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the request property and whose
/// message names the wire parameter and the rule.
/// </summary>
internal static class RequestRules
{
    /// <summary>The longest <c>ClientToken</c> the service accepts.</summary>
    public const int MaxClientTokenLength = 64;

    public static void Required(string? value, string property, string wireName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(property, $"{wireName} is required.");
        }

        NotBlank(value, property, wireName);
    }

    public static void Optional(string? value, string property, string wireName)
    {
        if (value is not null)
        {
            NotBlank(value, property, wireName);
        }
    }

    public static void RegionId(string? value, string property, bool required)
    {
        if (required)
        {
            Required(value, property, "RegionId");
        }
        else
        {
            Optional(value, property, "RegionId");
        }

        if (value is not null && !RegionIds.IsValid(value))
        {
            throw new ArgumentException(
                $"RegionId '{Printable(value)}' is not a region ID: use lower-case letters, digits and '-', for example 'cn-hangzhou'.",
                property);
        }
    }

    public static void ClientToken(string? value, string property)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length is 0 or > MaxClientTokenLength)
        {
            throw new ArgumentException(
                $"ClientToken must be 1 to {MaxClientTokenLength} characters long (was {value.Length}).", property);
        }

        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                throw new ArgumentException(
                    $"ClientToken may contain only printable ASCII characters (found U+{(int)c:X4}).", property);
            }
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("ClientToken must not be white space only.", property);
        }
    }

    public static void Range(int? value, int min, int max, string property, string wireName)
    {
        if (value is { } number && (number < min || number > max))
        {
            throw new ArgumentOutOfRangeException(
                property, number, $"{wireName} must be between {min} and {max} Mbit/s (was {number}).");
        }
    }

    public static void Defined<TEnum>(TEnum? value, string property, string wireName)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            throw new ArgumentOutOfRangeException(property, v, $"{wireName} has no documented value for {typeof(TEnum).Name} {v}.");
        }
    }

    private static void NotBlank(string value, string property, string wireName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{wireName} must not be empty or white space.", property);
        }

        if (!IsWellFormed(value))
        {
            throw new ArgumentException($"{wireName} must be well-formed Unicode text (it contains a lone surrogate).", property);
        }
    }

    /// <summary>Whether a text is well-formed UTF-16 (no lone surrogates), so that it has exactly one UTF-8 encoding.</summary>
    private static bool IsWellFormed(ReadOnlySpan<char> value)
    {
        while (!value.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(value, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            value = value[consumed..];
        }

        return true;
    }

    /// <summary>A value safe to quote in a message: control characters escaped, length bounded.</summary>
    private static string Printable(string value)
    {
        var shown = value.Length > 64 ? value[..64] + "…" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString(CultureInfo.InvariantCulture)));
    }
}
