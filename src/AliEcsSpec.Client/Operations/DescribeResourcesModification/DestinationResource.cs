namespace AliEcsSpec.Client;

/// <summary>What <c>DescribeResourcesModification</c> lists (<c>DestinationResource</c>).</summary>
public enum DestinationResource
{
    /// <summary><c>InstanceType</c>: the instance types the instance can change to.</summary>
    InstanceType,

    /// <summary><c>SystemDisk</c>: the system disk categories an instance type (<see cref="DescribeResourcesModificationRequest.InstanceType"/>) supports.</summary>
    SystemDisk,
}
