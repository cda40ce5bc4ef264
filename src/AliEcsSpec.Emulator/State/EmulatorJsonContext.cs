using System.Text.Json;
using System.Text.Json.Serialization;

namespace AliEcsSpec.Emulator;

/// <summary>Source-generated JSON metadata for seeds and the admin routes.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(EmulatorSeed))]
[JsonSerializable(typeof(EmulatorSnapshot))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
