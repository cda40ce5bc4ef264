namespace AliEcsSpec.Client;

/// <summary>The documented values of <c>Status</c> and <c>StatusCategory</c> in <c>DescribeResourcesModification</c>.</summary>
public static class ResourceStockCategory
{
    /// <summary><c>Available</c> (a <c>Status</c>): offered.</summary>
    public const string Available = nameof(Available);

    /// <summary><c>SoldOut</c> (a <c>Status</c>): not offered now.</summary>
    public const string SoldOut = nameof(SoldOut);

    /// <summary><c>WithStock</c>: in stock.</summary>
    public const string WithStock = nameof(WithStock);

    /// <summary><c>ClosedWithStock</c>: stock is low and will not be replenished.</summary>
    public const string ClosedWithStock = nameof(ClosedWithStock);

    /// <summary><c>WithoutStock</c>: sold out, to be replenished.</summary>
    public const string WithoutStock = nameof(WithoutStock);

    /// <summary><c>ClosedWithoutStock</c>: sold out and not to be replenished.</summary>
    public const string ClosedWithoutStock = nameof(ClosedWithoutStock);

    /// <summary>Whether a <c>StatusCategory</c> means the resource can be had now (<c>WithStock</c> or <c>ClosedWithStock</c>).</summary>
    public static bool HasStock(string? statusCategory) => statusCategory is WithStock or ClosedWithStock;
}
