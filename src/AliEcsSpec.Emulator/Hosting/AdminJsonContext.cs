using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>Source-generated JSON metadata for the bodies and answers of the admin routes (camelCase, as curl users write).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ScriptedFaultRequest))]
[JsonSerializable(typeof(RandomFaultsRequest))]
[JsonSerializable(typeof(ThrottlingRequest))]
[JsonSerializable(typeof(AdminError))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
