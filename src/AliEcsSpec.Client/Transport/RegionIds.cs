using System.Buffers;

namespace AliEcsSpec.Client.Transport;

/// <summary>The shape of a region ID (<c>cn-hangzhou</c>, <c>ap-southeast-1</c>): it becomes part of a host name.</summary>
internal static class RegionIds
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsValid(string regionId) =>
        regionId.Length is > 0 and <= 64
        && !regionId.AsSpan().ContainsAnyExcept(Allowed)
        && regionId[0] != '-' && regionId[^1] != '-';
}
