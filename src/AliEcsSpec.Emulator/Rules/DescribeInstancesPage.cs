using System.Globalization;

namespace AliEcsSpec.Emulator.Rules;

/// <summary>
/// DescribeInstances' two ways of paging: by <c>NextToken</c>/<c>MaxResults</c>, or by <c>PageNumber</c>/<c>PageSize</c>
/// (both 10 entries by default, at most 100). Once a <c>NextToken</c> is given, the page number and size are ignored.
/// </summary>
/// <param name="Number">The page number (1 with token paging).</param>
/// <param name="Size">Entries per page.</param>
/// <param name="Offset">The first entry of the page.</param>
/// <param name="ByToken">Whether the caller pages with tokens (a next token is answered only then).</param>
/// <param name="Error">The answer to a malformed paging parameter.</param>
internal sealed record DescribeInstancesPage(int Number, int Size, int Offset, bool ByToken, ServiceError? Error = null)
{
    /// <summary>The emulator's tokens: the offset of the next page after this prefix (an inference: tokens are opaque).</summary>
    private const string TokenPrefix = "emulator-page-";

    public static DescribeInstancesPage Of(IReadOnlyDictionary<string, string> p)
    {
        foreach (var name in new[] { "MaxResults", "PageSize" })
        {
            if (p.TryGetValue(name, out var text) && !Parameters.InRange(text, 1, 100))
            {
                return new(1, 10, 0, false, Parameters.Invalid(name, text));
            }
        }

        if (p.TryGetValue("PageNumber", out var number) && !Parameters.InRange(number, 1, int.MaxValue))
        {
            return new(1, 10, 0, false, Parameters.Invalid("PageNumber", number));
        }

        if (p.TryGetValue("NextToken", out var token) && token.Length > 0)
        {
            return token.StartsWith(TokenPrefix, StringComparison.Ordinal) && Parameters.Int(token[TokenPrefix.Length..]) is { } offset
                ? new(1, SizeOf(p, "MaxResults"), offset, true)
                : new(1, 10, 0, true, Parameters.Invalid("NextToken", token));
        }

        if (p.ContainsKey("MaxResults"))
        {
            return new(1, SizeOf(p, "MaxResults"), 0, true);
        }

        var page = p.TryGetValue("PageNumber", out var n) ? Parameters.Int(n)!.Value : 1;
        var size = SizeOf(p, "PageSize");
        return new(page, size, (int)Math.Min(int.MaxValue, (long)(page - 1) * size), false);
    }

    /// <summary>This page's entries, and the token of the next page when there is one and the caller pages by token.</summary>
    public (IReadOnlyList<T> Shown, string? NextToken) Take<T>(IReadOnlyList<T> all)
    {
        var shown = all.Skip(Offset).Take(Size).ToList();
        var next = Offset + shown.Count;
        return (shown, ByToken && next < all.Count ? TokenPrefix + next.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static int SizeOf(IReadOnlyDictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var text) ? Parameters.Int(text)!.Value : 10;
}
