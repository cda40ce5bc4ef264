namespace AliEcsSpec.Tests;

/// <summary>Where the repository is, for tests that read its files or run what it built.</summary>
internal static class RepositoryPaths
{
    /// <summary>
    /// The folder holding <c>AliEcsSpec.Client.sln</c>, found from the test binaries, not [CallerFilePath]: CI builds
    /// map source paths to /_/ (deterministic builds).
    /// </summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AliEcsSpec.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AliEcsSpec.Client.sln) was not found above " + AppContext.BaseDirectory);
    }
}
