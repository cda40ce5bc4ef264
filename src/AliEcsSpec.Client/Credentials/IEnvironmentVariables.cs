namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Reads environment variables. A seam so that tests set variables in-process without touching the real
/// environment of the test run.
/// </summary>
internal interface IEnvironmentVariables
{
    /// <summary>The value of <paramref name="name"/>, or <see langword="null"/> when unset.</summary>
    string? Get(string name);
}

/// <summary>The environment of the current process.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static ProcessEnvironmentVariables Instance { get; } = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
