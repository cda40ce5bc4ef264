using Microsoft.Extensions.Options;

namespace AliEcsSpec.Client;

/// <summary>
/// Checks the data-annotation ranges of <see cref="EcsSpecClientOptions"/> and its <see cref="EcsSpecClientOptions.Retry"/>
/// with code generated at build time, so that validation needs no reflection (and stays trimming- and AOT-safe).
/// </summary>
[OptionsValidator]
internal sealed partial class EcsSpecClientOptionsRanges : IValidateOptions<EcsSpecClientOptions>;
