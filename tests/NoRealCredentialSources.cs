using System.Runtime.CompilerServices;

namespace AliEcsSpec.Tests;

/// <summary>
/// Runs before any test: whatever the machine's environment, no credential source of the process may reach a real
/// host (the ECS metadata service at 100.100.100.200, STS) or read the real home directory's credential files.
/// </summary>
internal static class NoRealCredentialSources
{
    [ModuleInitializer]
    internal static void Apply()
    {
        foreach (var name in new[] { "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
                     "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_PROFILE" })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true");
        Environment.SetEnvironmentVariable("ALIBABA_CLOUD_CREDENTIALS_FILE", Path.Combine(Path.GetTempPath(), "aliecsspec-tests-no-credentials.ini"));
    }
}
