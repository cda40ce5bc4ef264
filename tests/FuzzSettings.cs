using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace AliEcsSpec.Tests;

/// <summary>
/// What the request and response fuzzers share: how many cases a run makes, which seed it starts from, and where it
/// reports its figures.
/// </summary>
/// <remarks>
/// A run is deterministic: each fuzzer starts from its own fixed seed, so CI sees the same cases every time and a
/// failure can be replayed. <c>ALIECSSPEC_FUZZ_SEED</c> changes that for a local run: <c>random</c> draws a new seed
/// (FsCheck prints it with any failure), and <c>seed,gamma</c> (the pair FsCheck prints, parentheses allowed)
/// replays one.
/// </remarks>
internal static class FuzzSettings
{
    /// <summary>Overrides the fixed seeds: <c>random</c>, or <c>seed,gamma</c> or <c>seed,gamma,size</c> as FsCheck prints them.</summary>
    public const string SeedVariable = "ALIECSSPEC_FUZZ_SEED";

    /// <summary>When set, each fuzzer appends one plain line of figures to this file (CI prints it).</summary>
    public const string FiguresVariable = "ALIECSSPEC_FIGURES_FILE";

    /// <summary>
    /// An FsCheck configuration that runs <paramref name="cases"/> cases from <paramref name="seed"/> (unless
    /// <see cref="SeedVariable"/> says otherwise), throws with the seed and the failing case on the first failure,
    /// and does not shrink: a case runs against state that earlier cases changed, so a shrunk one would mislead.
    /// </summary>
    /// <returns>The configuration, and the seed in the form <see cref="SeedVariable"/> accepts (or <c>random</c>).</returns>
    public static (Config Config, string Seed) Configure(int cases, ulong seed, ulong gamma)
    {
        var chosen = Environment.GetEnvironmentVariable(SeedVariable)?.Trim();
        var config = Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true);
        if (string.Equals(chosen, "random", StringComparison.OrdinalIgnoreCase))
        {
            return (config, "random");
        }

        var size = FSharpOption<int>.None;
        if (!string.IsNullOrEmpty(chosen))
        {
            var parts = chosen.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length is not (2 or 3)
                || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out seed)
                || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out gamma))
            {
                throw new InvalidOperationException($"{SeedVariable} must be 'random', 'seed,gamma' or 'seed,gamma,size' (was '{chosen}').");
            }

            if (parts.Length == 3)
            {
                size = FSharpOption<int>.Some(int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }

        var replay = new Replay(new Rnd(seed, gamma | 1), size);
        return (config.WithReplay(FSharpOption<Replay>.Some(replay)), string.Create(CultureInfo.InvariantCulture, $"{seed},{gamma | 1}"));
    }

    /// <summary>Appends <paramref name="line"/> to the file <see cref="FiguresVariable"/> names, if it names one.</summary>
    /// <remarks>Both test assemblies may append at the same moment: a write that finds the file busy is tried again.</remarks>
    public static void AppendFigures(string line)
    {
        var path = Environment.GetEnvironmentVariable(FiguresVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                File.AppendAllText(path, line + Environment.NewLine);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>A text as a test's output may show it: control characters escaped, long texts cut.</summary>
    public static string Show(string? text, int max = 80)
    {
        if (text is null)
        {
            return "null";
        }

        var shown = text.Length > max ? text[..max] : text;
        var escaped = string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E
            ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
            : c.ToString()));
        return text.Length > max
            ? string.Create(CultureInfo.InvariantCulture, $"\"{escaped}\"…({text.Length} chars)")
            : $"\"{escaped}\"";
    }
}
