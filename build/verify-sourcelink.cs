// Checks the source link of a packed library against git, offline: every portable PDB in the symbols package belongs
// to the assembly of the same path in the package, maps its paths (/_/, a CI build) to
// https://raw.githubusercontent.com/OWNER/REPO/COMMIT/, and each source file it does not embed has, at that commit in
// git, exactly the SHA-256 the compiler recorded. What the check cannot do offline is fetch the URLs: they serve
// these bytes once COMMIT is pushed to the repository.
//   dotnet run build/verify-sourcelink.cs -- PACKAGE.nupkg PACKAGE.snupkg https://github.com/OWNER/REPO COMMIT
using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.Json;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: verify-sourcelink.cs PACKAGE.nupkg PACKAGE.snupkg REPOSITORY_URL COMMIT");
    return 2;
}

var (nupkgPath, snupkgPath, repositoryUrl, commit) = (args[0], args[1], args[2].TrimEnd('/'), args[3]);
var expectedUrl = repositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + $"/{commit}/*";
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
var embeddedSourceKind = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
var sha256 = new Guid("8829d00f-11b8-4213-878b-770e8597ac16");
var failures = new List<string>();

using var nupkg = ZipFile.OpenRead(nupkgPath);
using var snupkg = ZipFile.OpenRead(snupkgPath);
var pdbs = snupkg.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).ToList();
if (pdbs.Count == 0)
{
    failures.Add($"{snupkgPath} holds no PDB");
}

var summary = new List<string>();
foreach (var pdbEntry in pdbs)
{
    using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(Buffered(pdbEntry));
    var pdb = pdbProvider.GetMetadataReader();
    var name = pdbEntry.FullName;

    // The PDB's ID is the one the assembly's CodeView entry names: the symbols are those of this build of the DLL.
    var dllEntry = nupkg.GetEntry(Path.ChangeExtension(name, ".dll"));
    if (dllEntry is null)
    {
        failures.Add($"{name}: no {Path.ChangeExtension(name, ".dll")} in the package");
        continue;
    }

    using (var pe = new PEReader(Buffered(dllEntry)))
    {
        var codeView = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
        var pdbId = new Guid(pdb.DebugMetadataHeader!.Id.AsSpan(0, 16));
        if (pe.ReadCodeViewDebugDirectoryData(codeView).Guid != pdbId)
        {
            failures.Add($"{name}: the PDB's ID is not the one its assembly names");
        }
    }

    var sourceLinkJson = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
        .Select(pdb.GetCustomDebugInformation)
        .Where(c => pdb.GetGuid(c.Kind) == sourceLinkKind)
        .Select(c => pdb.GetBlobBytes(c.Value))
        .SingleOrDefault();
    if (sourceLinkJson is null)
    {
        failures.Add($"{name}: no source link");
        continue;
    }

    var map = JsonSerializer.Deserialize(sourceLinkJson, SourceLinkJson.Default.SourceLinkMap)!.Documents;
    if (!map.ContainsKey("/_/*"))
    {
        failures.Add($"{name}: the paths are not mapped to /_/ (not a CI build: pack with CI=true, or ContinuousIntegrationBuild=true): {System.Text.Encoding.UTF8.GetString(sourceLinkJson)}");
        continue;
    }

    if (map.Count != 1 || !map.TryGetValue("/_/*", out var url) || url != expectedUrl)
    {
        failures.Add($"{name}: the source link is {System.Text.Encoding.UTF8.GetString(sourceLinkJson)}; expected {{\"/_/*\":\"{expectedUrl}\"}}");
        continue;
    }

    var embedded = pdb.CustomDebugInformation
        .Select(pdb.GetCustomDebugInformation)
        .Where(c => pdb.GetGuid(c.Kind) == embeddedSourceKind)
        .Select(c => c.Parent)
        .ToHashSet();
    var linked = new List<(string Path, byte[] Hash)>();
    foreach (var handle in pdb.Documents)
    {
        var document = pdb.GetDocument(handle);
        var path = pdb.GetString(document.Name);
        if (embedded.Contains(handle))
        {
            continue;
        }

        if (!path.StartsWith("/_/", StringComparison.Ordinal))
        {
            failures.Add($"{name}: {path} is neither mapped to /_/ (build with ContinuousIntegrationBuild=true, as CI=true does) nor embedded");
        }
        else if (pdb.GetGuid(document.HashAlgorithm) != sha256)
        {
            failures.Add($"{name}: {path} is not hashed with SHA-256");
        }
        else
        {
            linked.Add((path["/_/".Length..], pdb.GetBlobBytes(document.Hash)));
        }
    }

    var atCommit = GitBlobs(commit, linked.Select(l => l.Path));
    foreach (var (path, hash) in linked)
    {
        if (!atCommit.TryGetValue(path, out var content))
        {
            failures.Add($"{name}: {path} is not in commit {commit}");
        }
        else if (!SHA256.HashData(content).AsSpan().SequenceEqual(hash))
        {
            failures.Add($"{name}: {path} at {commit} is not the file that was compiled (uncommitted changes?)");
        }
    }

    summary.Add($"{name}: {linked.Count} sources linked, {embedded.Count} embedded");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine("source link check failed: " + failure);
}

if (failures.Count > 0)
{
    return 1;
}

Console.WriteLine($"source link ok: {expectedUrl}; {string.Join("; ", summary)}");
return 0;

static MemoryStream Buffered(ZipArchiveEntry entry)
{
    var buffer = new MemoryStream();
    using (var stream = entry.Open())
    {
        stream.CopyTo(buffer);
    }

    buffer.Position = 0;
    return buffer;
}

// The blobs of the given paths at the commit, read with one `git cat-file --batch`.
static Dictionary<string, byte[]> GitBlobs(string commit, IEnumerable<string> paths)
{
    var start = new ProcessStartInfo("git", ["cat-file", "--batch"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
    using var git = Process.Start(start)!;
    var wanted = paths.ToList();
    var writer = Task.Run(() =>
    {
        foreach (var path in wanted)
        {
            git.StandardInput.Write($"{commit}:{path}\n");
        }

        git.StandardInput.Close();
    });
    var output = git.StandardOutput.BaseStream;
    var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    foreach (var path in wanted)
    {
        var header = ReadLine(output).Split(' ');
        if (header is [_, "blob", var size])
        {
            var content = new byte[int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)];
            output.ReadExactly(content);
            output.ReadByte();
            blobs[path] = content;
        }
    }

    writer.Wait();
    git.WaitForExit();
    return blobs;
}

static string ReadLine(Stream stream)
{
    var line = new List<byte>();
    for (var b = stream.ReadByte(); b is not -1 and not '\n'; b = stream.ReadByte())
    {
        line.Add((byte)b);
    }

    return System.Text.Encoding.UTF8.GetString([.. line]);
}

internal sealed record SourceLinkMap(Dictionary<string, string> Documents);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(SourceLinkMap))]
internal sealed partial class SourceLinkJson : System.Text.Json.Serialization.JsonSerializerContext;
