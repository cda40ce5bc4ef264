using System.Text.Json.Serialization;

namespace AliEcsSpec.Client;

/// <summary>The success document of an action that answers with its request ID alone (<c>StopInstance</c>, <c>StartInstance</c>).</summary>
internal sealed class RequestIdDocument
{
    public string? RequestId { get; set; }
}

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata of <see cref="RequestIdDocument"/>.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(RequestIdDocument))]
internal sealed partial class RequestIdJsonContext : JsonSerializerContext;
