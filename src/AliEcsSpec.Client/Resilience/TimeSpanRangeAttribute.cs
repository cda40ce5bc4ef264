using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AliEcsSpec.Client.Resilience;

/// <summary>
/// A <see cref="TimeSpan"/> range for the options validator. <see cref="RangeAttribute"/> can only compare a TimeSpan
/// through a <c>TypeConverter</c>, which trimming may break; this one parses its bounds once and compares directly.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    /// <param name="minimum">The smallest value, in the invariant <c>c</c> format (for example <c>00:00:00</c>).</param>
    /// <param name="maximum">The largest value, in the same format.</param>
    public TimeSpanRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
        Maximum = TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    /// <summary>Whether <see cref="Minimum"/> itself is refused (for time-outs, which must be longer than zero).</summary>
    public bool MinimumIsExclusive { get; set; }

    public override bool IsValid(object? value) =>
        value is not TimeSpan time || ((MinimumIsExclusive ? time > Minimum : time >= Minimum) && time <= Maximum);

    // Worded as RangeAttribute words its own, so that every range failure of the options reads alike.
    public override string FormatErrorMessage(string name) => MinimumIsExclusive
        ? $"The field {name} must be greater than {Minimum:c} and at most {Maximum:c}."
        : $"The field {name} must be between {Minimum:c} and {Maximum:c}.";
}
