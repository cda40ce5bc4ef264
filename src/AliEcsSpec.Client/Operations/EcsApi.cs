namespace AliEcsSpec.Client;

/// <summary>The names of the two RPC actions and their API version.</summary>
internal static class EcsApi
{
    public const string Version = "2014-05-26";

    public const string ModifyPrepayInstanceSpec = nameof(ModifyPrepayInstanceSpec);

    public const string ModifyInstanceSpec = nameof(ModifyInstanceSpec);
}
