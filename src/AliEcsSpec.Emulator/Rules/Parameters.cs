using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>Parsing helpers for the wire values of both operations.</summary>
internal static class Parameters
{
    /// <summary>The two forms the documents give for a time: to the minute (001, 002's examples) and to the second (002, 003, 004).</summary>
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm'Z'", EmulatorTime.Format];

    /// <summary>
    /// A boolean: absent gives <paramref name="fallback"/>; <c>true</c> or <c>false</c> in any case (the documents write
    /// <c>True</c>/<c>False</c>, and Alibaba's V1 .NET SDK sends <c>True</c>); anything else is null.
    /// </summary>
    public static bool? Bool(IReadOnlyDictionary<string, string> p, string name, bool fallback) =>
        !p.TryGetValue(name, out var text) ? fallback
        : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>The answer to a malformed value of a parameter no document gives its own code: <c>InvalidParameter</c> naming it.</summary>
    public static ServiceError Invalid(string name, string value) =>
        ServiceError.InvalidParameter($"The specified parameter {name} \"{value}\" is not valid.");

    /// <summary>The first malformed boolean among <paramref name="names"/>, answered with <c>InvalidParameter</c> naming it.</summary>
    public static ServiceError? FirstBadBool(IReadOnlyDictionary<string, string> p, params string[] names)
    {
        foreach (var name in names)
        {
            if (Bool(p, name, false) is null)
            {
                return Invalid(name, p[name]);
            }
        }

        return null;
    }

    /// <summary>A UTC time in <c>yyyy-MM-ddTHH:mmZ</c> or <c>yyyy-MM-ddTHH:mm:ssZ</c>, or null.</summary>
    public static DateTimeOffset? Time(string text) =>
        DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    /// <summary>A UTC time to the second (<c>yyyy-MM-ddTHH:mm:ssZ</c>, the only form 003 and 004 give), or null.</summary>
    public static DateTimeOffset? SecondTime(string text) =>
        DateTimeOffset.TryParseExact(text, EmulatorTime.Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    /// <summary>A whole number of decimal digits, or null.</summary>
    public static int? Int(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool InRange(string text, int min, int max) => Int(text) is { } value && value >= min && value <= max;

    /// <summary>The ClientToken, or null when it is absent or empty (an empty parameter is no token).</summary>
    public static string? ClientToken(IReadOnlyDictionary<string, string> p) =>
        p.TryGetValue("ClientToken", out var token) && token.Length > 0 ? token : null;

    /// <summary>The documents' ClientToken rule: only ASCII characters (U+0000 to U+007F), at most 64 of them.</summary>
    public static bool IsValidClientToken(string token) => token.Length <= 64 && token.All(c => c <= '\u007f');
}
