namespace AliEcsSpec.Client.Credentials;

/// <summary>Always supplies the same credentials, for example an AccessKey pair from configuration.</summary>
public sealed class StaticCredentialsProvider : ICredentialsProvider
{
    private readonly AlibabaCloudCredentials _credentials;

    /// <summary>Creates the provider.</summary>
    /// <param name="credentials">The credentials to supply.</param>
    public StaticCredentialsProvider(AlibabaCloudCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
    }

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);

    /// <inheritdoc />
    public override string ToString() => "StaticCredentialsProvider";
}
