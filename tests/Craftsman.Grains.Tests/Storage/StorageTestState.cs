namespace Craftsman.Grains.Tests.Storage;

[GenerateSerializer, Immutable, Alias("craftsman.tests.StorageTestState")]
public sealed record StorageTestState(
    [property: Id(0)] string Text,
    [property: Id(1)] int Number);
