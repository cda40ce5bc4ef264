namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// The small INI dialect of <c>~/.alibabacloud/credentials.ini</c>: <c>[section]</c> headers, <c>key = value</c>
/// lines, and <c>;</c> or <c>#</c> comments. Keys are case-sensitive, as Alibaba's SDKs read them.
/// </summary>
internal static class IniFile
{
    public static Dictionary<string, Dictionary<string, string>> Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is ';' or '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    sections[name] = current;
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current is not null && equals > 0)
            {
                current[line[..equals].Trim()] = StripInlineComment(line[(equals + 1)..]).Trim();
            }
        }

        return sections;
    }

    private static string StripInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i];
            }
        }

        return value;
    }
}
