namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Reads environment variables and the home directory. A seam so that tests set variables and a home folder
/// in-process, never touching the real environment or the real home directory of the test run.
/// </summary>
internal interface IEnvironmentVariables
{
    /// <summary>The home directory (where <c>.aliyun</c> and <c>.alibabacloud</c> live), or null when unknown.</summary>
    string? HomeDirectory { get; }

    /// <summary>The value of <paramref name="name"/>, or <see langword="null"/> when unset.</summary>
    string? Get(string name);
}

/// <summary>The environment of the current process.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static ProcessEnvironmentVariables Instance { get; } = new();

    public string? HomeDirectory
    {
        get
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : home;
        }
    }

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}

/// <summary>Reads the boolean-ish flags Alibaba Cloud's tools use (<c>true</c>, case-insensitive).</summary>
internal static class EnvironmentFlags
{
    public static bool IsTrue(this IEnvironmentVariables environment, string name) =>
        string.Equals(environment.Get(name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static string? NonBlank(this IEnvironmentVariables environment, string name) =>
        environment.Get(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
