using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Emulator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AliEcsSpec.Emulator.Tests.Credentials;

/// <summary>
/// Temporary credentials end to end over real HTTP on loopback: STS AssumeRole and AssumeRoleWithOIDC, and the
/// ECS metadata service, all stood in by the emulator, which then accepts the issued SecurityToken.
/// </summary>
public sealed class TemporaryCredentialsTests : IDisposable
{
    private static readonly ModifyInstanceSpecRequest Bandwidth = new() { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 };

    private readonly string _folder = Directory.CreateTempSubdirectory("aliecsspec-creds-").FullName;

    private static CredentialsContext Context(Harness h, FakeEnvironment? environment = null) =>
        new(environment ?? new FakeEnvironment(), h.Time, NullLogger.Instance)
        {
            StsEndpointOverride = h.Emulator.Endpoint,
            MetadataEndpointOverride = h.Emulator.MetadataEndpoint,
        };

    private static EcsSpecClient ClientWith(Harness h, ICredentialsProvider credentials) =>
        EcsSpecClient.Create(new EcsSpecClientOptions { Endpoint = h.Emulator.Endpoint }, new SocketsHttpHandler(), h.Time, null, credentials);

    private static StaticCredentialsProvider DemoAccessKey =>
        new(new AlibabaCloudCredentials(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret));

    [Fact]
    public async Task RamRoleArn_DemoRole_SignsCallsWithStsCredentialsTheEmulatorAccepts()
    {
        await using var h = await Harness.StartAsync();
        var provider = new RamRoleArnCredentialsProvider(DemoAccessKey, new RamRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn, RoleSessionName = "e2e" }, Context(h));
        using var client = ClientWith(h, provider);

        await client.ModifyInstanceSpecAsync(Bandwidth);

        var session = Assert.Single(h.State.StsSessions);
        var call = h.State.RequestLog.Single(r => r.Action == "ModifyInstanceSpec");
        // The emulator accepts the STS key only with its own session's token; the log shows the token masked.
        Assert.Equal((session.AccessKeyId, "***"), (call.AccessKeyId, call.Parameters["SecurityToken"]));
        Assert.Equal(Harness.Start.AddHours(1), session.Expiration);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task RamRoleArn_TemporaryCredentialsNearExpiry_AreRefreshedBeforeTheNextCall()
    {
        await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero);
        var provider = new RamRoleArnCredentialsProvider(DemoAccessKey, new RamRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn, DurationSeconds = 900 }, Context(h));
        using var client = ClientWith(h, provider);

        await client.ModifyInstanceSpecAsync(Bandwidth);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        await client.ModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 30 });
        h.Time.Advance(TimeSpan.FromMinutes(3));
        await client.ModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 40 });

        // The refresh runs beside the calls (a valid set keeps serving them), so it may finish just after the last one.
        for (var waited = 0; h.State.StsSessions.Count < 2 && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, h.State.StsSessions.Count);
        Assert.Equal(3, h.State.Changes.Count);
    }

    [Fact]
    public async Task RamRoleArn_UnknownRole_FailsTheCallWithTheStsErrorAndNoSecret()
    {
        await using var h = await Harness.StartAsync();
        var provider = new RamRoleArnCredentialsProvider(DemoAccessKey, new RamRoleArnOptions { RoleArn = "acs:ram::1:role/nope" }, Context(h));
        using var client = ClientWith(h, provider);

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => client.ModifyInstanceSpecAsync(Bandwidth));

        Assert.Contains("STS AssumeRole at 127.0.0.1 failed with HTTP 404: EntityNotExist.Role", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorSeed.DemoAccessKeySecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredStsCredentials_UsedAnyway_AreRefusedWithInvalidSecurityTokenExpired()
    {
        await using var h = await Harness.StartAsync();
        var sts = await new RamRoleArnCredentialsProvider(DemoAccessKey, new RamRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn, DurationSeconds = 900 }, Context(h)).GetCredentialsAsync();
        h.Time.Advance(TimeSpan.FromMinutes(15));
        using var client = ClientWith(h, new StaticCredentialsProvider(sts));

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.ModifyInstanceSpecAsync(Bandwidth));

        Assert.Equal("InvalidSecurityToken.Expired", error.ErrorCode);
    }

    [Fact]
    public async Task StsCredentials_WrongSecurityToken_AreRefusedWithMismatch()
    {
        await using var h = await Harness.StartAsync();
        var sts = await new RamRoleArnCredentialsProvider(DemoAccessKey, new RamRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn }, Context(h)).GetCredentialsAsync();
        using var client = ClientWith(h, new StaticCredentialsProvider(new AlibabaCloudCredentials(sts.AccessKeyId, sts.AccessKeySecret, "CAIS-forged")));

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.ModifyInstanceSpecAsync(Bandwidth));

        Assert.Equal("InvalidSecurityToken.Mismatch", error.ErrorCode);
    }

    [Fact]
    public async Task OidcRole_FromTheRrsaEnvironmentVariables_AssumesTheRoleAnonymously()
    {
        await using var h = await Harness.StartAsync();
        var tokenFile = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.oidc-token.signature\n");
        var environment = new FakeEnvironment
        {
            ["ALIBABA_CLOUD_ROLE_ARN"] = EmulatorSeed.DemoRoleArn,
            ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = EmulatorSeed.DemoOidcProviderArn,
            ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = tokenFile,
            ["ALIBABA_CLOUD_ROLE_SESSION_NAME"] = "pod-1",
            ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true",
        };
        using var client = ClientWith(h, new DefaultCredentialsProvider(() => new ConfiguredKeys(null, null, null), Context(h, environment)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        var assume = h.State.RequestLog.Single(r => r.Action == "AssumeRoleWithOIDC");
        Assert.Equal(("pod-1", "***", false, 200),
            (assume.Parameters["RoleSessionName"], assume.Parameters["OIDCToken"], assume.Parameters.ContainsKey("AccessKeyId"), assume.Status));
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task OidcRole_UnknownProvider_IsRefused()
    {
        await using var h = await Harness.StartAsync();
        var tokenFile = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(tokenFile, "token");
        var provider = new OidcRoleArnCredentialsProvider(
            new OidcRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn, OidcProviderArn = "acs:ram::1:oidc-provider/other", OidcTokenFilePath = tokenFile },
            Context(h));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("EntityNotExist.OIDCProvider", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token", error.Message.Replace("AssumeRoleWithOIDC", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EcsRamRole_ImdsV2_TakesASessionTokenDiscoversTheRoleAndUsesItsCredentials()
    {
        await using var h = await Harness.StartAsync();
        using var client = ClientWith(h, new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions(), Context(h)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal(
            ["PUT /latest/api/token (no token)", "GET /latest/meta-data/ram/security-credentials/ (token)", "GET /latest/meta-data/ram/security-credentials/emulator-ecs-role (token)"],
            h.Emulator.MetadataRequests);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task EcsRamRole_NoImdsV2OnTheInstance_FallsBackToV1()
    {
        await using var h = await Harness.StartAsync(o => o.SupportImdsV2 = false);
        using var client = ClientWith(h, new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions { RoleName = EmulatorSeed.DemoEcsRoleName }, Context(h)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal(["PUT /latest/api/token (no token)", "GET /latest/meta-data/ram/security-credentials/emulator-ecs-role (no token)"], h.Emulator.MetadataRequests);
    }

    [Fact]
    public async Task EcsRamRole_NoImdsV2AndV1Disabled_FailsWithAClearMessage()
    {
        await using var h = await Harness.StartAsync(o => o.SupportImdsV2 = false);
        var environment = new FakeEnvironment { ["ALIBABA_CLOUD_IMDSV1_DISABLED"] = "true" };
        var provider = new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions(), Context(h, environment));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("answered PUT /latest/api/token with HTTP 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliProfileInRamRoleArnMode_AssumesTheRoleThroughSts()
    {
        await using var h = await Harness.StartAsync();
        Directory.CreateDirectory(Path.Combine(_folder, ".aliyun"));
        await File.WriteAllTextAsync(Path.Combine(_folder, ".aliyun", "config.json"), $$"""
            {"current":"ops","profiles":[{"name":"ops","mode":"RamRoleArn","access_key_id":"{{EmulatorSeed.DemoAccessKeyId}}",
             "access_key_secret":"{{EmulatorSeed.DemoAccessKeySecret}}","ram_role_arn":"{{EmulatorSeed.DemoRoleArn}}","ram_session_name":"cli","expired_seconds":900}]}
            """);
        var environment = new FakeEnvironment { HomeDirectory = _folder, ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true" };
        using var client = ClientWith(h, new CliProfileCredentialsProvider(null, Context(h, environment)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal(Harness.Start.AddMinutes(15), Assert.Single(h.State.StsSessions).Expiration);
    }

    [Fact]
    public async Task EcsRamRole_RoleNameFromTheEnvironment_SkipsDiscovery()
    {
        await using var h = await Harness.StartAsync();
        var environment = new FakeEnvironment { ["ALIBABA_CLOUD_ECS_METADATA"] = EmulatorSeed.DemoEcsRoleName };
        using var client = ClientWith(h, new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions(), Context(h, environment)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal(["PUT /latest/api/token (no token)", "GET /latest/meta-data/ram/security-credentials/emulator-ecs-role (token)"], h.Emulator.MetadataRequests);
    }

    [Fact]
    public async Task CredentialsIni_RamRoleArnWithPolicyAndExternalId_SendsBothToSts()
    {
        await using var h = await Harness.StartAsync();
        var ini = Path.Combine(_folder, "credentials.ini");
        await File.WriteAllTextAsync(ini, $"""
            [ops]
            type = ram_role_arn
            access_key_id = {EmulatorSeed.DemoAccessKeyId}
            access_key_secret = {EmulatorSeed.DemoAccessKeySecret}
            role_arn = {EmulatorSeed.DemoRoleArn}
            role_session_name = ini-session
            policy = {"{"}"Version":"1","Statement":[]{"}"}
            external_id = abc-123
            """);
        var environment = new FakeEnvironment { ["ALIBABA_CLOUD_CREDENTIALS_FILE"] = ini, ["ALIBABA_CLOUD_PROFILE"] = "ops" };
        using var client = ClientWith(h, new ProfileFileCredentialsProvider(null, null, Context(h, environment)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        var assume = h.State.RequestLog.Single(r => r.Action == "AssumeRole");
        Assert.Equal(("""{"Version":"1","Statement":[]}""", "abc-123", "ini-session"),
            (assume.Parameters["Policy"], assume.Parameters["ExternalId"], assume.Parameters["RoleSessionName"]));
    }

    [Fact]
    public async Task DefaultChain_OidcRoleAndCliProfile_TheOidcRoleIsUsed()
    {
        await using var h = await Harness.StartAsync();
        var tokenFile = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(tokenFile, "oidc-token");
        Directory.CreateDirectory(Path.Combine(_folder, ".aliyun"));
        await File.WriteAllTextAsync(Path.Combine(_folder, ".aliyun", "config.json"), $$"""
            {"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"{{EmulatorSeed.ArrearsAccessKeyId}}","access_key_secret":"emulator-arrears-access-key-secret"}]}
            """);
        var environment = new FakeEnvironment
        {
            HomeDirectory = _folder,
            ["ALIBABA_CLOUD_ROLE_ARN"] = EmulatorSeed.DemoRoleArn,
            ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = EmulatorSeed.DemoOidcProviderArn,
            ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = tokenFile,
        };
        using var client = ClientWith(h, new DefaultCredentialsProvider(() => new ConfiguredKeys(null, null, null), Context(h, environment)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        Assert.StartsWith("STS.", h.State.RequestLog.Single(r => r.Action == "ModifyInstanceSpec").AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultChain_CliProfileWithTheMetadataServiceEnabled_NeverAsksTheMetadataService()
    {
        await using var h = await Harness.StartAsync();
        Directory.CreateDirectory(Path.Combine(_folder, ".aliyun"));
        await File.WriteAllTextAsync(Path.Combine(_folder, ".aliyun", "config.json"), $$"""
            {"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"{{EmulatorSeed.DemoAccessKeyId}}","access_key_secret":"{{EmulatorSeed.DemoAccessKeySecret}}"}]}
            """);
        var environment = new FakeEnvironment { HomeDirectory = _folder };
        environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        using var client = ClientWith(h, new DefaultCredentialsProvider(() => new ConfiguredKeys(null, null, null), Context(h, environment)));

        await client.ModifyInstanceSpecAsync(Bandwidth);

        Assert.Empty(h.Emulator.MetadataRequests);
        Assert.Equal(EmulatorSeed.DemoAccessKeyId, h.State.RequestLog.Single().AccessKeyId);
    }

    [Fact]
    public async Task AdminRoute_RequestLog_ShowsTokensMasked()
    {
        await using var h = await Harness.StartAsync(o => o.EnableAdminRoutes = true);
        var provider = new RamRoleArnCredentialsProvider(DemoAccessKey, new RamRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn }, Context(h));
        using var client = ClientWith(h, provider);
        await client.ModifyInstanceSpecAsync(Bandwidth);
        using var http = new HttpClient();

        var text = await http.GetStringAsync(new Uri(h.Emulator.Endpoint, EcsEmulator.StateRoute));

        Assert.Contains("\"SecurityToken\": \"***\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Assert.Single(h.State.StsSessions).SecurityToken, text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
