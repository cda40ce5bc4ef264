using System.Text.Json;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Each source of the default chain, read from its real input (options, environment variables, the CLI's
/// <c>config.json</c>, <c>credentials.ini</c>, the ECS metadata service) without any network call: a source either
/// yields a provider or says why it was skipped.
/// </summary>
internal static class CredentialSources
{
    public static CredentialsResolution FromConfiguredKeys(ConfiguredKeys keys)
    {
        if (string.IsNullOrWhiteSpace(keys.AccessKeyId) || string.IsNullOrWhiteSpace(keys.AccessKeySecret))
        {
            return CredentialsResolution.Skipped("EcsSpecClientOptions.AccessKeyId and AccessKeySecret are not set");
        }

        return CredentialsResolution.Found(new StaticCredentialsProvider(new AlibabaCloudCredentials(
            keys.AccessKeyId, keys.AccessKeySecret, string.IsNullOrWhiteSpace(keys.SecurityToken) ? null : keys.SecurityToken)));
    }

    public static CredentialsResolution FromEnvironment(IEnvironmentVariables environment) =>
        new EnvironmentVariablesCredentialsProvider(environment).TryRead(out var credentials, out var reason)
            ? CredentialsResolution.Found(new StaticCredentialsProvider(credentials))
            : CredentialsResolution.Skipped(reason);

    public static CredentialsResolution FromOidcEnvironment(CredentialsContext context)
    {
        var environment = context.Environment;
        var roleArn = environment.NonBlank(EnvironmentNames.RoleArn);
        var providerArn = environment.NonBlank(EnvironmentNames.OidcProviderArn);
        var tokenFile = environment.NonBlank(EnvironmentNames.OidcTokenFile);
        if (roleArn is null || providerArn is null || tokenFile is null)
        {
            var missing = roleArn is null ? EnvironmentNames.RoleArn : providerArn is null ? EnvironmentNames.OidcProviderArn : EnvironmentNames.OidcTokenFile;
            return CredentialsResolution.Skipped($"{missing} is not set");
        }

        return CredentialsResolution.Found(new OidcRoleArnCredentialsProvider(
            new OidcRoleArnOptions
            {
                RoleArn = roleArn,
                OidcProviderArn = providerArn,
                OidcTokenFilePath = tokenFile,
                RoleSessionName = environment.NonBlank(EnvironmentNames.RoleSessionName),
            },
            context));
    }

    public static CredentialsResolution FromCliProfile(CredentialsContext context, string? profileName = null)
    {
        var environment = context.Environment;
        if (environment.IsTrue(EnvironmentNames.CliProfileDisabled))
        {
            return CredentialsResolution.Skipped($"{EnvironmentNames.CliProfileDisabled} is true");
        }

        if (environment.HomeDirectory is not { } home)
        {
            return CredentialsResolution.Skipped("no home directory");
        }

        var path = Path.Combine(home, ".aliyun", "config.json");
        if (!File.Exists(path))
        {
            return CredentialsResolution.Skipped($"{path} does not exist");
        }

        AliyunCliConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(File.ReadAllText(path), AliyunCliJsonContext.Default.AliyunCliConfig);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return CredentialsResolution.Skipped($"{path} cannot be read ({exception.GetType().Name})");
        }

        var name = profileName ?? environment.NonBlank(EnvironmentNames.Profile) ?? config?.Current;
        if (name is null)
        {
            return CredentialsResolution.Skipped($"{path} names no current profile and ALIBABA_CLOUD_PROFILE is not set");
        }

        var profile = config?.Profiles?.FirstOrDefault(p => p.Name == name);
        if (profile is null)
        {
            return CredentialsResolution.Skipped($"{path} has no profile '{name}'");
        }

        var where = $"CLI profile '{name}'";
        var sts = context.StsEndpoint(profile.StsRegion, profile.EnableVpc);
        var sessionName = profile.RamSessionName ?? environment.NonBlank(EnvironmentNames.RoleSessionName);
        var duration = profile.ExpiredSeconds ?? 3600;
        switch (profile.Mode)
        {
            case "AK" when NonBlank(profile.AccessKeyId, profile.AccessKeySecret):
                return CredentialsResolution.Found(new StaticCredentialsProvider(new AlibabaCloudCredentials(profile.AccessKeyId!, profile.AccessKeySecret!)));
            case "StsToken" when NonBlank(profile.AccessKeyId, profile.AccessKeySecret, profile.StsToken):
                return CredentialsResolution.Found(new StaticCredentialsProvider(new AlibabaCloudCredentials(profile.AccessKeyId!, profile.AccessKeySecret!, profile.StsToken)));
            case "RamRoleArn" when NonBlank(profile.AccessKeyId, profile.AccessKeySecret, profile.RamRoleArn):
                return CredentialsResolution.Found(new RamRoleArnCredentialsProvider(
                    new StaticCredentialsProvider(new AlibabaCloudCredentials(profile.AccessKeyId!, profile.AccessKeySecret!, string.IsNullOrWhiteSpace(profile.StsToken) ? null : profile.StsToken)),
                    new RamRoleArnOptions
                    {
                        RoleArn = profile.RamRoleArn!,
                        RoleSessionName = sessionName,
                        DurationSeconds = duration,
                        ExternalId = profile.ExternalId,
                        Policy = profile.Policy,
                    },
                    context with { StsEndpointOverride = sts }));
            case "EcsRamRole":
                return CredentialsResolution.Found(new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions { RoleName = profile.RamRoleName }, context));
            case "OIDC" when NonBlank(profile.RamRoleArn, profile.OidcProviderArn, profile.OidcTokenFile):
                return CredentialsResolution.Found(new OidcRoleArnCredentialsProvider(
                    new OidcRoleArnOptions
                    {
                        RoleArn = profile.RamRoleArn!,
                        OidcProviderArn = profile.OidcProviderArn!,
                        OidcTokenFilePath = profile.OidcTokenFile!,
                        RoleSessionName = sessionName,
                        DurationSeconds = duration,
                        Policy = profile.Policy,
                    },
                    context with { StsEndpointOverride = sts }));
            case "AK" or "StsToken" or "RamRoleArn" or "OIDC":
                return CredentialsResolution.Skipped($"{where} (mode {profile.Mode}) lacks a required key");
            default:
                return CredentialsResolution.Skipped($"{where} has mode '{profile.Mode}', which is not supported (AK, StsToken, RamRoleArn, EcsRamRole, OIDC)");
        }
    }

    public static CredentialsResolution FromProfileFile(CredentialsContext context, string? profileName = null, string? filePath = null)
    {
        var environment = context.Environment;
        var path = filePath ?? environment.NonBlank(EnvironmentNames.CredentialsFile)
                   ?? (environment.HomeDirectory is { } home ? Path.Combine(home, ".alibabacloud", "credentials.ini") : null);
        if (path is null)
        {
            return CredentialsResolution.Skipped("no home directory and ALIBABA_CLOUD_CREDENTIALS_FILE is not set");
        }

        if (!File.Exists(path))
        {
            return CredentialsResolution.Skipped($"{path} does not exist");
        }

        Dictionary<string, Dictionary<string, string>> sections;
        try
        {
            sections = IniFile.Parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CredentialsResolution.Skipped($"{path} cannot be read ({exception.GetType().Name})");
        }

        var name = profileName ?? environment.NonBlank(EnvironmentNames.Profile) ?? "default";
        if (!sections.TryGetValue(name, out var section))
        {
            return CredentialsResolution.Skipped($"{path} has no section [{name}]");
        }

        if (string.Equals(section.GetValueOrDefault("enable"), "false", StringComparison.OrdinalIgnoreCase))
        {
            return CredentialsResolution.Skipped($"section [{name}] of {path} has enable = false");
        }

        string? Key(string key) => section.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        var type = Key("type");
        switch (type)
        {
            case "access_key" when NonBlank(Key("access_key_id"), Key("access_key_secret")):
                return CredentialsResolution.Found(new StaticCredentialsProvider(new AlibabaCloudCredentials(Key("access_key_id")!, Key("access_key_secret")!)));
            case "ecs_ram_role":
                return CredentialsResolution.Found(new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions { RoleName = Key("role_name") }, context));
            case "ram_role_arn" when NonBlank(Key("access_key_id"), Key("access_key_secret"), Key("role_arn")):
                return CredentialsResolution.Found(new RamRoleArnCredentialsProvider(
                    new StaticCredentialsProvider(new AlibabaCloudCredentials(Key("access_key_id")!, Key("access_key_secret")!)),
                    new RamRoleArnOptions
                    {
                        RoleArn = Key("role_arn")!,
                        RoleSessionName = Key("role_session_name"),
                        Policy = Key("policy"),
                        ExternalId = Key("external_id"),
                    },
                    context));
            case "oidc_role_arn" when NonBlank(Key("role_arn"), Key("oidc_provider_arn"), Key("oidc_token_file_path")):
                return CredentialsResolution.Found(new OidcRoleArnCredentialsProvider(
                    new OidcRoleArnOptions
                    {
                        RoleArn = Key("role_arn")!,
                        OidcProviderArn = Key("oidc_provider_arn")!,
                        OidcTokenFilePath = Key("oidc_token_file_path")!,
                        RoleSessionName = Key("role_session_name") ?? environment.NonBlank(EnvironmentNames.RoleSessionName),
                        Policy = Key("policy"),
                    },
                    context));
            case "access_key" or "ram_role_arn" or "oidc_role_arn":
                return CredentialsResolution.Skipped($"section [{name}] of {path} (type {type}) lacks a required key");
            default:
                return CredentialsResolution.Skipped($"section [{name}] of {path} has type '{type}', which is not supported (access_key, ecs_ram_role, ram_role_arn, oidc_role_arn)");
        }
    }

    public static CredentialsResolution FromEcsMetadata(CredentialsContext context) =>
        context.Environment.IsTrue(EnvironmentNames.EcsMetadataDisabled)
            ? CredentialsResolution.Skipped($"{EnvironmentNames.EcsMetadataDisabled} is true")
            : CredentialsResolution.Found(new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions(), context));

    private static bool NonBlank(params string?[] values) => values.All(v => !string.IsNullOrWhiteSpace(v));
}
