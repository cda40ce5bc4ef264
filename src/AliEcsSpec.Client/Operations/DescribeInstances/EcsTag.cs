namespace AliEcsSpec.Client;

/// <summary>A key with an optional value: a tag (<c>Tag.N.Key</c>, <c>Tag.N.Value</c>) or a filter (<c>Filter.N.*</c>).</summary>
/// <param name="Key">The key; required.</param>
/// <param name="Value">The value; not sent when <see langword="null"/>.</param>
public sealed record EcsTag(string Key, string? Value = null);
