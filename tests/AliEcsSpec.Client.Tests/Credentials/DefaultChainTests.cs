using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.Credentials;

/// <summary>The default chain's order and its failure message.</summary>
public sealed class DefaultChainTests : IDisposable
{
    private readonly TempHome _home = new();

    private DefaultCredentialsProvider Chain(ConfiguredKeys keys, params (string Name, string Value)[] variables)
    {
        var environment = new FakeEnvironment { HomeDirectory = _home.Path };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return new DefaultCredentialsProvider(() => keys, new CredentialsContext(environment, new FakeTimeProvider(TestClient.Now), NullLogger.Instance));
    }

    private static readonly ConfiguredKeys NoKeys = new(null, null, null);

    [Fact]
    public async Task GetCredentialsAsync_EverySourceConfigured_OptionsComeFirst()
    {
        _home.Write(".aliyun/config.json", """{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"cli-id","access_key_secret":"cli-secret"}]}""");
        var chain = Chain(new ConfiguredKeys("options-id", "options-secret", null), ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"));

        Assert.Equal("options-id", (await chain.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task GetCredentialsAsync_NoOptions_EnvironmentBeatsCliProfileAndIni()
    {
        _home.Write(".aliyun/config.json", """{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"cli-id","access_key_secret":"cli-secret"}]}""");
        _home.Write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");
        var chain = Chain(NoKeys, ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"));

        Assert.Equal("env-id", (await chain.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task GetCredentialsAsync_CliProfileAndIni_CliProfileComesFirst()
    {
        _home.Write(".aliyun/config.json", """{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"cli-id","access_key_secret":"cli-secret"}]}""");
        _home.Write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");

        Assert.Equal("cli-id", (await Chain(NoKeys).GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task GetCredentialsAsync_OnlyIni_UsesIt()
    {
        _home.Write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");

        Assert.Equal("ini-id", (await Chain(NoKeys).GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task GetCredentialsAsync_NothingAnywhere_ListsEverySourceAndWhyWithoutSecrets()
    {
        var chain = Chain(NoKeys, ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "lonely-secret-value"));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => chain.GetCredentialsAsync().AsTask());

        Assert.Equal(
            "No Alibaba Cloud credentials were found. Tried: " +
            "options (EcsSpecClientOptions.AccessKeyId and AccessKeySecret are not set); " +
            "environment (ALIBABA_CLOUD_ACCESS_KEY_ID is not set); " +
            "OIDC role (ALIBABA_CLOUD_ROLE_ARN is not set); " +
            $"CLI profile ({Path.Combine(_home.Path, ".aliyun", "config.json")} does not exist); " +
            $"credentials file ({Path.Combine(_home.Path, ".alibabacloud", "credentials.ini")} does not exist); " +
            "ECS RAM role (ALIBABA_CLOUD_ECS_METADATA_DISABLED is true). Set one of them, or register an ICredentialsProvider.",
            error.Message);
        Assert.DoesNotContain("lonely-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCredentialsAsync_ConfiguredSourceFails_NextSourceIsTriedAndTheFailureListed()
    {
        var chain = Chain(NoKeys, ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r"), ("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1:oidc-provider/p"),
            ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", Path.Combine(_home.Path, "no-such-token")));
        _home.Write(".alibabacloud/credentials.ini", "[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = ini-secret\n");

        Assert.Equal("ini-id", (await chain.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public void Explain_OnlyTheMetadataServiceMayHaveCredentials_IsNotAStartUpError()
    {
        var environment = new FakeEnvironment { HomeDirectory = _home.Path };
        environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        var chain = new DefaultCredentialsProvider(() => NoKeys, new CredentialsContext(environment, TimeProvider.System, NullLogger.Instance));

        Assert.Null(chain.Explain(NoKeys));
    }

    public void Dispose() => _home.Dispose();
}
