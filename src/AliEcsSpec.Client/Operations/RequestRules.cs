using System.Globalization;
using System.Buffers;
using System.Text;
using AliEcsSpec.Client.Transport;

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

    /// <summary>
    /// Every revision documents the token as "ASCII only, at most 64 characters", and nothing more: any ASCII text of
    /// 1 to 64 characters is sent as it is, blanks and spaces included.
    /// </summary>
    public static void ClientToken(string? value, string property)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0)
        {
            throw new ArgumentException(
                "ClientToken must be 1 to 64 characters long (was empty); pass null to send no ClientToken.", property);
        }

        if (value.Length > MaxClientTokenLength)
        {
            throw new ArgumentException(
                $"ClientToken must be 1 to {MaxClientTokenLength} characters long (was {value.Length}).", property);
        }

        if (value.AsSpan().IndexOfAnyExceptInRange((char)0, (char)0x7F) is var at and >= 0)
        {
            throw new ArgumentException(
                $"ClientToken may contain only ASCII characters (found U+{(int)value[at]:X4} at index {at}).", property);
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

    /// <summary>A whole number within its documented bounds (no unit in the message).</summary>
    public static void Between(int? value, int min, int max, string property, string wireName)
    {
        if (value is { } number && (number < min || number > max))
        {
            throw new ArgumentOutOfRangeException(property, number, $"{wireName} must be between {min} and {max} (was {number}).");
        }
    }

    /// <summary>A positive number, or unset.</summary>
    public static void Positive(double? value, string property, string wireName)
    {
        if (value is { } number && !(number > 0 && double.IsFinite(number)))
        {
            throw new ArgumentOutOfRangeException(property, number, $"{wireName} must be a positive finite number (was {number}).");
        }
    }

    /// <summary>A list of at most <paramref name="max"/> texts, none null, empty or white space.</summary>
    public static void Items(IReadOnlyList<string?>? values, int max, string property, string wireName)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > max)
        {
            throw new ArgumentException($"{wireName} takes at most {max} values (was {values.Count}).", property);
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                throw new ArgumentException($"{wireName} value [{i}] must not be null.", property);
            }

            NotBlank(value, property, $"{wireName} value [{i}]");
        }
    }

    /// <summary>Up to <paramref name="max"/> key-value pairs (<c>Tag.N.*</c>, <c>Filter.N.*</c>), none null, each with a key.</summary>
    public static void Tags(IReadOnlyList<EcsTag?>? tags, int max, string property, string wireName)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > max)
        {
            throw new ArgumentException($"{wireName}.N takes at most {max} pairs (was {tags.Count}).", property);
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i] ?? throw new ArgumentException($"{property}[{i}] ({wireName}.{i + 1}) must not be null.", property);
            Required(tag.Key, property, $"{wireName}.{i + 1}.Key");
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

    /// <summary>
    /// The <c>Disk.N.*</c> items of a request: none null, each sending at least one parameter (an item that sends
    /// nothing would leave a gap in the numbering), every text well-formed. With
    /// <paramref name="categoryRequiredWithDiskId"/>, also the rule <c>MissingParameter.DiskCategory</c> documents.
    /// </summary>
    public static void Disks<TDisk>(
        IReadOnlyList<TDisk?>? disks,
        Func<TDisk, (string? DiskId, string? Category, string? PerformanceLevel)> parts,
        string property,
        bool categoryRequiredWithDiskId)
        where TDisk : class
    {
        for (var i = 0; i < (disks?.Count ?? 0); i++)
        {
            var n = i + 1;
            var disk = disks![i] ?? throw new ArgumentException($"{property}[{i}] (Disk.{n}) must not be null.", property);
            var (diskId, category, performanceLevel) = parts(disk);
            Optional(diskId, property, $"Disk.{n}.DiskId");
            Optional(category, property, $"Disk.{n}.Category");
            Optional(performanceLevel, property, $"Disk.{n}.PerformanceLevel");
            if (diskId is null && category is null && performanceLevel is null)
            {
                throw new ArgumentException($"{property}[{i}] (Disk.{n}) sets none of DiskId, Category and PerformanceLevel.", property);
            }

            if (categoryRequiredWithDiskId && diskId is not null && category is null)
            {
                throw new ArgumentException($"Disk.{n}.Category is required when Disk.{n}.DiskId is set.", property);
            }
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
