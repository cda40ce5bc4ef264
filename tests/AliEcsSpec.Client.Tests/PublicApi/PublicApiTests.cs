using System.Runtime.CompilerServices;
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
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (approved != actual)
        {
            File.WriteAllText(Path.ChangeExtension(approvedPath, ".received.txt"), actual);
        }

        Assert.True(approved == actual, $"The public API changed. Review {Path.ChangeExtension(approvedPath, ".received.txt")} and, if intended, copy it over the approved file.");
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
