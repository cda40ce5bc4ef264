using AliEcsSpec.Client;
using NetArchTest.Rules;

namespace AliEcsSpec.Client.Tests.Architecture;

/// <summary>
/// The arrows between the library's folders (one namespace each), as ARCHITECTURE.md's "Rooms" table draws them:
/// every arrow goes down, so no two folders depend on each other, and the inner folders stay free of hosting concerns.
/// </summary>
public sealed class FolderArrowsTests
{
    private const string Operations = "Operations";
    private const string DependencyInjection = "DependencyInjection";
    private const string Workflow = "Workflow";
    private const string RateLimiting = "Resilience.RateLimiting";

    /// <summary>Each folder and the folders it may use; a folder missing from a row must not be used by it.</summary>
    public static TheoryData<string, string[]> MayUse => new()
    {
        { "Errors", [] },
        { "Signing", ["Diagnostics"] },
        { "Diagnostics", ["Errors"] },
        { "Transport", ["Errors"] },
        { "Credentials", ["Errors", "Diagnostics", "Transport", "Signing"] },
        { RateLimiting, ["Errors"] },
        { "Resilience", ["Errors", "Diagnostics", "Transport", "Signing", RateLimiting] },
        { Operations, ["Errors", "Diagnostics", "Transport", "Signing", "Credentials", "Resilience", RateLimiting] },
        { Workflow, [Operations, "Errors", "Diagnostics"] },
    };

    public static TheoryData<string, string> InnerFoldersAndHostingConcerns => new()
    {
        { "Signing", "Microsoft.Extensions.DependencyInjection" },
        { "Signing", "Microsoft.Extensions.Options" },
        { "Signing", "Microsoft.Extensions.Configuration" },
        { "Signing", "Polly" },
        { "Errors", "Microsoft.Extensions.DependencyInjection" },
        { "Errors", "Microsoft.Extensions.Options" },
        { "Errors", "Microsoft.Extensions.Configuration" },
        { "Errors", "Polly" },
    };

    [Theory]
    [MemberData(nameof(MayUse))]
    public void Folder_UsesOnlyTheFoldersBelowIt(string folder, string[] allowed)
    {
        var used = Targets.Where(other => other != folder && DependsOn(folder, other));

        Assert.Equal([], used.Except(allowed));
    }

    [Fact]
    public void FolderGraph_HasNoCycle()
    {
        var edges = Folders.ToDictionary(folder => folder, folder => Folders.Where(other => other != folder && DependsOn(folder, other)).ToArray());
        edges[DependencyInjection] = [];

        Assert.Null(FindCycle(edges));
    }

    [Fact]
    public void Folders_AreExactlyTheNamespacesOfTheLibrary()
    {
        var namespaces = Types.InAssembly(Library).GetTypes()
            .Select(type => type.Namespace)
            .Where(ns => ns is not null && ns.StartsWith("AliEcsSpec.Client", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(Folders.Select(NamespaceOf).Order(StringComparer.Ordinal), namespaces);
    }

    // The workflow is what an application could write itself on the client: it reaches the client only through its
    // public surface (IEcsSpecClient, the requests and responses), never through the descriptors or the call path.
    [Fact]
    public void Workflow_UsesOnlyThePublicSurfaceOfTheClient()
    {
        var hidden = Library.GetTypes()
            .Where(type => type.Namespace == NamespaceOf(Operations) && !type.IsVisible)
            .Select(type => type.FullName!)
            .ToArray();

        var result = InFolder(Workflow).ShouldNot().HaveDependencyOnAny(hidden).GetResult();

        Assert.True(result.IsSuccessful, $"Workflow uses non-public client types: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(InnerFoldersAndHostingConcerns))]
    public void InnerFolder_DoesNotReferenceHostingConcern(string folder, string concern)
    {
        var result = InFolder(folder).ShouldNot().HaveDependencyOn(concern).GetResult();

        Assert.True(result.IsSuccessful, $"{folder} references {concern}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    private const string DiNamespace = "Microsoft.Extensions.DependencyInjection";

    private static readonly System.Reflection.Assembly Library = typeof(EcsSpecClient).Assembly;

    private static readonly string[] Folders = MayUse.Select(row => (string)row[0]).ToArray();

    // DependencyInjection may use every folder and no folder may use it. NetArchTest leaves Microsoft.* namespaces out
    // of the types it inspects, so that folder is only ever a target.
    private static readonly string[] Targets = [.. Folders, DependencyInjection];

    private static string NamespaceOf(string folder) => folder switch
    {
        Operations => "AliEcsSpec.Client",
        DependencyInjection => DiNamespace,
        _ => "AliEcsSpec.Client." + folder,
    };

    private static PredicateList InFolder(string folder) =>
        Types.InAssembly(Library).That().ResideInNamespaceMatching("^" + NamespaceOf(folder).Replace(".", "\\.", StringComparison.Ordinal) + "$");

    // The root namespace contains every other folder's, Resilience's contains RateLimiting's, and DependencyInjection's
    // namespace is shared with the framework, so uses of those are found by the library's own types' full names.
    private static bool DependsOn(string folder, string other)
    {
        var targets = other is Operations or DependencyInjection || Folders.Any(inner => NamespaceOf(inner).StartsWith(NamespaceOf(other) + ".", StringComparison.Ordinal))
            ? Library.GetTypes().Where(type => type.Namespace == NamespaceOf(other) && !type.IsNested).Select(type => type.FullName!).ToArray()
            : [NamespaceOf(other)];
        return !InFolder(folder).ShouldNot().HaveDependencyOnAny(targets).GetResult().IsSuccessful;
    }

    private static string? FindCycle(Dictionary<string, string[]> edges)
    {
        var state = new Dictionary<string, bool>(); // false: on the current path; true: finished
        var path = new Stack<string>();
        string? Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
            {
                return done ? null : string.Join(" -> ", path.Reverse().SkipWhile(n => n != node).Append(node));
            }

            state[node] = false;
            path.Push(node);
            var cycle = edges[node].Select(Visit).FirstOrDefault(found => found is not null);
            path.Pop();
            state[node] = true;
            return cycle;
        }

        return edges.Keys.Select(Visit).FirstOrDefault(found => found is not null);
    }
}
