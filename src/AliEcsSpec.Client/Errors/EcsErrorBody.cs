using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliEcsSpec.Client.Errors;

/// <summary>The JSON error document of the RPC service: <c>RequestId</c>, <c>HostId</c>, <c>Code</c>, <c>Message</c>, <c>Recommend</c>.</summary>
internal sealed class EcsErrorBody
{
    public string? RequestId { get; set; }

    public string? HostId { get; set; }

    public string? Code { get; set; }

    public string? Message { get; set; }

    public string? Recommend { get; set; }

    public JsonElement? AccessDeniedDetail { get; set; }
}

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata for error documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = false,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(EcsErrorBody))]
internal sealed partial class EcsErrorJsonContext : JsonSerializerContext;
