namespace AliEcsSpec.Emulator;

/// <summary>An error answer of the emulated service: the HTTP status, the documented code and its message.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The error code, as the API documents give it.</param>
/// <param name="Message">The error message.</param>
public sealed record ServiceError(int Status, string Code, string Message)
{
    internal static ServiceError MissingParameter(string name) =>
        new(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");

    internal static ServiceError InvalidParameter(string message) => new(400, "InvalidParameter", message);

    /// <summary>The answer to a dry run whose checks passed (every document with <c>DryRun</c>): an error document.</summary>
    internal static ServiceError DryRunPassed { get; } = new(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.");
}
