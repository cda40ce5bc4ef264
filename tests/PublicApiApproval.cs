using System.Reflection;
using PublicApiGenerator;

namespace AliEcsSpec.Tests;

/// <summary>
/// Approval of a shipped assembly's public surface: any change shows up as a diff of
/// <c>tests/{project}/PublicApi/{assembly}.approved.txt</c>, committed with the change and its CHANGELOG entry.
/// </summary>
internal static class PublicApiApproval
{
    /// <summary>Fails, writing the <c>.received.txt</c> next to the approved file, when the surface differs from it.</summary>
    public static void Verify(Assembly assembly, string testProject, params string[] allowNamespacePrefixes)
    {
        var actual = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
            AllowNamespacePrefixes = allowNamespacePrefixes,
        }).ReplaceLineEndings("\n");
        var folder = Path.Combine(RepositoryPaths.Root(), "tests", testProject, "PublicApi");
        var name = assembly.GetName().Name;
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
        }

        Assert.True(approved == actual, $"The public API changed. Review {receivedPath} and, if intended, copy it over the approved file.");
    }
}
