using PublicApiGenerator;

namespace AliEcsSpec.Client.Tests.PublicApi;

/// <summary>
/// The public surface is approved on purpose: any change shows up as a diff of
/// <c>AliEcsSpec.Client.approved.txt</c>, committed with the change and its CHANGELOG entry.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Library_MatchesTheApprovedFile()
    {
        var actual = typeof(EcsSpecClient).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
            // The DI extensions live in Microsoft.Extensions.DependencyInjection by convention; they are ours too.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(Folder(), "AliEcsSpec.Client.approved.txt");
        var receivedPath = Path.Combine(Folder(), "AliEcsSpec.Client.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
        }

        Assert.True(approved == actual, $"The public API changed. Review {receivedPath} and, if intended, copy it over the approved file.");
    }

    // Found from the test binaries, not [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds).
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AliEcsSpec.Client.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "AliEcsSpec.Client.Tests", "PublicApi");
            }
        }

        throw new InvalidOperationException("The repository root (AliEcsSpec.Client.sln) was not found above " + AppContext.BaseDirectory);
    }
}
