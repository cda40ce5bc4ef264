using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>Environment variables and a home directory set in-process, never the real ones.</summary>
internal sealed class FakeEnvironment : Dictionary<string, string>, IEnvironmentVariables
{
    public string? HomeDirectory { get; init; }

    public string? Get(string name) => TryGetValue(name, out var value) ? value : null;
}
