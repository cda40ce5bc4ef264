namespace AliEcsSpec.Client.Signing;

/// <summary>
/// What a signature needs of the credentials: the AccessKey pair and, for temporary credentials, the STS token.
/// The signing handler asks for one per attempt, so that refreshed credentials apply to the next attempt.
/// <see cref="ToString"/> shows only the (public) AccessKey ID.
/// </summary>
/// <param name="AccessKeyId">The AccessKey ID, sent with the request.</param>
/// <param name="AccessKeySecret">The AccessKey secret, which keys the HMAC and is never sent.</param>
/// <param name="SecurityToken">The STS security token, sent as <c>SecurityToken</c> when set.</param>
internal readonly record struct SigningKey(string AccessKeyId, string AccessKeySecret, string? SecurityToken)
{
    /// <inheritdoc />
    public override string ToString() => $"SigningKey {{ AccessKeyId = {AccessKeyId}, AccessKeySecret = ***, SecurityToken = *** }}";
}
