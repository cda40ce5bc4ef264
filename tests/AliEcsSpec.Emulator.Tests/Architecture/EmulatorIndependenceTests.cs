using AliEcsSpec.Emulator;
using NetArchTest.Rules;

namespace AliEcsSpec.Emulator.Tests.Architecture;

/// <summary>
/// The emulator verifies signatures and reads requests with its own code, so that one bug cannot hide in both it and
/// the client it tests.
/// </summary>
public sealed class EmulatorIndependenceTests
{
    private static readonly System.Reflection.Assembly Emulator = typeof(EcsEmulator).Assembly;

    [Fact]
    public void Emulator_DoesNotReferenceTheClientAssembly()
    {
        Assert.DoesNotContain(Emulator.GetReferencedAssemblies(), reference => reference.Name == "AliEcsSpec.Client");
    }

    [Fact]
    public void EmulatorTypes_DoNotDependOnClientTypes()
    {
        var result = Types.InAssembly(Emulator).ShouldNot().HaveDependencyOn("AliEcsSpec.Client").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
