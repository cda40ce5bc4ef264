using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Credentials;

/// <summary>
/// Supplies the credentials each attempt is signed with. Called once per HTTP attempt, so implementations that
/// fetch temporary credentials should cache them and refresh before they expire.
/// </summary>
public interface ICredentialsProvider
{
    /// <summary>Returns credentials that are valid now.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="EcsCredentialsException">No credentials could be found.</exception>
    ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
