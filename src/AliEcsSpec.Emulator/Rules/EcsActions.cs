namespace AliEcsSpec.Emulator.Rules;

/// <summary>The ECS actions the emulator serves, and the API version they belong to.</summary>
internal static class EcsActions
{
    public const string ModifyPrepayInstanceSpec = nameof(ModifyPrepayInstanceSpec);

    public const string ModifyInstanceSpec = nameof(ModifyInstanceSpec);

    public const string DescribeInstances = nameof(DescribeInstances);

    public const string StopInstance = nameof(StopInstance);

    public const string StartInstance = nameof(StartInstance);

    public const string DescribeResourcesModification = nameof(DescribeResourcesModification);

    public const string Version = "2014-05-26";
}
