using AliEcsSpec.Client.Credentials;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>Environment variables set in-process, never in the real environment of the test run.</summary>
internal sealed class FakeEnvironment : Dictionary<string, string>, IEnvironmentVariables
{
    public string? Get(string name) => TryGetValue(name, out var value) ? value : null;
}
