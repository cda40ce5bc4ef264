namespace AliEcsSpec.Client;

/// <summary>The API version every ECS action is called with.</summary>
internal static class EcsApi
{
    public const string Version = "2014-05-26";
}
