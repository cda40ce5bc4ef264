using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Client.Tests.Credentials;

/// <summary>Each credential source read from its real input: environment variables, config.json, credentials.ini.</summary>
public sealed class CredentialSourcesTests : IDisposable
{
    private readonly TempHome _home = new();

    private FakeEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var environment = new FakeEnvironment { HomeDirectory = _home.Path };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static CredentialsContext Context(FakeEnvironment environment) =>
        new(environment, new FakeTimeProvider(TestClient.Now), NullLogger.Instance);

    private static async Task<AlibabaCloudCredentials> Credentials(CredentialsResolution resolution)
    {
        Assert.True(resolution.Provider is not null, resolution.Reason);
        return await resolution.Provider.GetCredentialsAsync();
    }

    [Fact]
    public async Task FromEnvironment_KeysAndToken_AreRead()
    {
        var environment = Environment(("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"), ("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token"));

        var credentials = await Credentials(CredentialSources.FromEnvironment(environment));

        Assert.Equal(("env-id", "env-secret", "env-token"), (credentials.AccessKeyId, credentials.AccessKeySecret, credentials.SecurityToken));
    }

    [Fact]
    public void FromEnvironment_SecretMissing_SaysWhichVariable()
    {
        var resolution = CredentialSources.FromEnvironment(Environment(("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id")));

        Assert.Equal("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set", resolution.Reason);
    }

    [Fact]
    public void FromOidcEnvironment_ProviderArnMissing_SaysWhichVariable()
    {
        var resolution = CredentialSources.FromOidcEnvironment(Context(Environment(("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r"))));

        Assert.Equal("ALIBABA_CLOUD_OIDC_PROVIDER_ARN is not set", resolution.Reason);
    }

    [Fact]
    public void FromOidcEnvironment_AllThreeVariables_YieldsTheOidcProvider()
    {
        var resolution = CredentialSources.FromOidcEnvironment(Context(Environment(
            ("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1:role/r"), ("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1:oidc-provider/p"),
            ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "/var/run/secrets/token"))));

        Assert.IsType<OidcRoleArnCredentialsProvider>(resolution.Provider);
    }

    private const string CliConfig = """
        {
          "current": "work",
          "profiles": [
            { "name": "default", "mode": "AK", "access_key_id": "default-id", "access_key_secret": "default-secret", "region_id": "cn-hangzhou" },
            { "name": "work", "mode": "StsToken", "access_key_id": "work-id", "access_key_secret": "work-secret", "sts_token": "work-token" },
            { "name": "partial", "mode": "AK", "access_key_id": "only-id" },
            { "name": "sso", "mode": "CloudSSO" },
            { "name": "role", "mode": "RamRoleArn", "access_key_id": "a", "access_key_secret": "b", "ram_role_arn": "acs:ram::1:role/x", "ram_session_name": "s", "expired_seconds": 900 },
            { "name": "ecs", "mode": "EcsRamRole", "ram_role_name": "my-role" },
            { "name": "oidc", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/x", "oidc_provider_arn": "acs:ram::1:oidc-provider/p", "oidc_token_file": "/tmp/t" },
            { "name": "short", "mode": "RamRoleArn", "access_key_id": "a", "access_key_secret": "b", "ram_role_arn": "acs:ram::1:role/x", "expired_seconds": 600 },
            { "name": "badregion", "mode": "RamRoleArn", "access_key_id": "a", "access_key_secret": "b", "ram_role_arn": "acs:ram::1:role/x", "sts_region": "cn hangzhou" }
          ],
          "meta_path": ""
        }
        """;

    [Fact]
    public async Task FromCliProfile_NoProfileNamed_UsesTheCurrentProfile()
    {
        _home.Write(".aliyun/config.json", CliConfig);

        var credentials = await Credentials(CredentialSources.FromCliProfile(Context(Environment())));

        Assert.Equal(("work-id", "work-secret", "work-token"), (credentials.AccessKeyId, credentials.AccessKeySecret, credentials.SecurityToken));
    }

    [Fact]
    public async Task FromCliProfile_ProfileVariable_WinsOverCurrent()
    {
        _home.Write(".aliyun/config.json", CliConfig);

        var credentials = await Credentials(CredentialSources.FromCliProfile(Context(Environment(("ALIBABA_CLOUD_PROFILE", "default")))));

        Assert.Equal(("default-id", null), (credentials.AccessKeyId, credentials.SecurityToken));
    }

    [Theory]
    [InlineData("role", typeof(RamRoleArnCredentialsProvider))]
    [InlineData("ecs", typeof(EcsRamRoleCredentialsProvider))]
    [InlineData("oidc", typeof(OidcRoleArnCredentialsProvider))]
    public void FromCliProfile_RoleModes_YieldTheirProviders(string profile, Type expected)
    {
        _home.Write(".aliyun/config.json", CliConfig);

        var resolution = CredentialSources.FromCliProfile(Context(Environment()), profile);

        Assert.IsType(expected, resolution.Provider);
    }

    [Theory]
    [InlineData("partial", "CLI profile 'partial' (mode AK) lacks a required key")]
    [InlineData("sso", "CLI profile 'sso' has mode 'CloudSSO', which is not supported")]
    [InlineData("missing", "has no profile 'missing'")]
    public void FromCliProfile_UnusableProfile_SaysWhy(string profile, string reason)
    {
        _home.Write(".aliyun/config.json", CliConfig);

        var resolution = CredentialSources.FromCliProfile(Context(Environment()), profile);

        Assert.Null(resolution.Provider);
        Assert.Contains(reason, resolution.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCliProfile_NoCurrentProfileAndNoVariable_IsSkipped()
    {
        _home.Write(".aliyun/config.json", """{"profiles":[{"name":"default","mode":"AK","access_key_id":"i","access_key_secret":"s"}]}""");

        var resolution = CredentialSources.FromCliProfile(Context(Environment()));

        Assert.Contains("names no current profile and ALIBABA_CLOUD_PROFILE is not set", resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCliProfile_DurationBelowTheStsMinimum_IsRefusedNotSilentlyChanged()
    {
        _home.Write(".aliyun/config.json", CliConfig);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CredentialSources.FromCliProfile(Context(Environment()), "short"));

        Assert.Equal("DurationSeconds", error.ParamName);
    }

    [Fact]
    public async Task DefaultChain_CliProfileWithABadStsRegion_IsSkippedWithTheReasonNotARawException()
    {
        _home.Write(".aliyun/config.json", CliConfig);
        var chain = new DefaultCredentialsProvider(() => new ConfiguredKeys(null, null, null), Context(Environment(("ALIBABA_CLOUD_PROFILE", "badregion"))));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => chain.GetCredentialsAsync().AsTask());

        Assert.Contains("CLI profile (its settings are not usable (ArgumentException: The STS region 'cn hangzhou' is not a region ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultChain_OptionsKeysSet_NeverReadsTheLaterSources()
    {
        _home.Write(".aliyun/config.json", "{ this is not json");
        var chain = new DefaultCredentialsProvider(() => new ConfiguredKeys("id", "secret", null), Context(Environment(("ALIBABA_CLOUD_STS_REGION", "not a region"))));

        Assert.Equal("id", (await chain.GetCredentialsAsync()).AccessKeyId);
        Assert.Null(chain.Explain(new ConfiguredKeys("id", "secret", null)));
    }

    [Fact]
    public void FromCliProfile_Disabled_IsSkippedEvenWithAConfig()
    {
        _home.Write(".aliyun/config.json", CliConfig);

        var resolution = CredentialSources.FromCliProfile(Context(Environment(("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true"))));

        Assert.Equal("ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true", resolution.Reason);
    }

    [Fact]
    public void FromCliProfile_NoFile_SaysWhichPath()
    {
        var resolution = CredentialSources.FromCliProfile(Context(Environment()));

        Assert.Equal($"{Path.Combine(_home.Path, ".aliyun", "config.json")} does not exist", resolution.Reason);
    }

    private const string Ini = """
        ; Alibaba Cloud credentials
        [default]
        enable = true
        type = access_key
        access_key_id = ini-id
        access_key_secret = ini-secret

        [client1]
        type = ecs_ram_role
        role_name = EcsRamRoleTest

        [client2]
        type = ram_role_arn
        access_key_id = a
        access_key_secret = b
        role_arn = acs:ram::1:role/x
        role_session_name = session

        [client3]
        type = oidc_role_arn
        role_arn = acs:ram::1:role/x
        oidc_provider_arn = acs:ram::1:oidc-provider/p
        oidc_token_file_path = /tmp/token

        [off]
        enable = false
        type = access_key
        access_key_id = x
        access_key_secret = y

        [broken]
        type = rsa_key_pair

        [commented]
        type = access_key # the long-term key
        access_key_id = c-id ; inline
        access_key_secret = c-secret#with-hash
        """;

    [Fact]
    public async Task FromProfileFile_DefaultSectionInHome_IsRead()
    {
        _home.Write(".alibabacloud/credentials.ini", Ini);

        var credentials = await Credentials(CredentialSources.FromProfileFile(Context(Environment())));

        Assert.Equal(("ini-id", "ini-secret"), (credentials.AccessKeyId, credentials.AccessKeySecret));
    }

    [Fact]
    public async Task FromProfileFile_FileVariableAndProfileVariable_PickFileAndSection()
    {
        var path = _home.Write("elsewhere/creds.ini", Ini.Replace("[default]", "[prod]", StringComparison.Ordinal));

        var credentials = await Credentials(CredentialSources.FromProfileFile(Context(Environment(
            ("ALIBABA_CLOUD_CREDENTIALS_FILE", path), ("ALIBABA_CLOUD_PROFILE", "prod")))));

        Assert.Equal("ini-id", credentials.AccessKeyId);
    }

    [Fact]
    public async Task FromProfileFile_InlineComments_AreNotPartOfTheValues()
    {
        _home.Write(".alibabacloud/credentials.ini", Ini);

        var credentials = await Credentials(CredentialSources.FromProfileFile(Context(Environment()), "commented"));

        Assert.Equal(("c-id", "c-secret#with-hash"), (credentials.AccessKeyId, credentials.AccessKeySecret));
    }

    [Theory]
    [InlineData("client1", typeof(EcsRamRoleCredentialsProvider))]
    [InlineData("client2", typeof(RamRoleArnCredentialsProvider))]
    [InlineData("client3", typeof(OidcRoleArnCredentialsProvider))]
    public void FromProfileFile_RoleTypes_YieldTheirProviders(string section, Type expected)
    {
        _home.Write(".alibabacloud/credentials.ini", Ini);

        var resolution = CredentialSources.FromProfileFile(Context(Environment()), section);

        Assert.IsType(expected, resolution.Provider);
    }

    [Theory]
    [InlineData("off", "has enable = false")]
    [InlineData("broken", "has type 'rsa_key_pair', which is not supported")]
    [InlineData("nope", "has no section [nope]")]
    public void FromProfileFile_UnusableSection_SaysWhy(string section, string reason)
    {
        _home.Write(".alibabacloud/credentials.ini", Ini);

        var resolution = CredentialSources.FromProfileFile(Context(Environment()), section);

        Assert.Null(resolution.Provider);
        Assert.Contains(reason, resolution.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false, "https://sts.aliyuncs.com/")]
    [InlineData("cn-shanghai", false, "https://sts.cn-shanghai.aliyuncs.com/")]
    [InlineData("cn-shanghai", true, "https://sts-vpc.cn-shanghai.aliyuncs.com/")]
    public void StsEndpoint_RegionAndVpcVariables_ChooseTheHost(string? region, bool vpc, string expected)
    {
        var environment = Environment();
        if (region is not null)
        {
            environment["ALIBABA_CLOUD_STS_REGION"] = region;
        }

        if (vpc)
        {
            environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = "true";
        }

        Assert.Equal(new Uri(expected), Context(environment).StsEndpoint());
    }

    [Fact]
    public void FromEcsMetadata_Disabled_IsSkipped()
    {
        var resolution = CredentialSources.FromEcsMetadata(Context(Environment()));

        Assert.Equal("ALIBABA_CLOUD_ECS_METADATA_DISABLED is true", resolution.Reason);
    }

    public void Dispose() => _home.Dispose();
}
