using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Tests;

/// <summary>
/// Environment variables and a home directory set in-process, never the real ones of the test run. The ECS
/// metadata service is disabled unless a test removes the flag, so no test ever reaches for 100.100.100.200.
/// </summary>
internal sealed class FakeEnvironment : Dictionary<string, string>, IEnvironmentVariables
{
    public FakeEnvironment() => this["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";

    public string? HomeDirectory { get; init; }

    public string? Get(string name) => TryGetValue(name, out var value) ? value : null;
}
