using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>
/// Environment variables and a home directory set in-process, never the real ones. The metadata service is off
/// unless a test removes the flag (and then points the provider at the emulator).
/// </summary>
internal sealed class FakeEnvironment : Dictionary<string, string>, IEnvironmentVariables
{
    public FakeEnvironment() => this["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";

    public string? HomeDirectory { get; init; }

    public string? Get(string name) => TryGetValue(name, out var value) ? value : null;
}
