using Orleans.Storage;

namespace Craftsman.Silo.Storage;

/// <summary>Settings of one <see cref="SqliteGrainStorage"/> provider.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>
    /// The database file. A relative path resolves against the working directory; the directory
    /// and the file are created at silo start when missing.
    /// </summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "craftsman.db");

    /// <summary>
    /// How grain state becomes bytes. Left unset, <c>AddSqliteGrainStorage</c> picks a serializer
    /// registered under the provider's name, else Orleans' own binary serializer.
    /// </summary>
    // Orleans' interface declares it non-null; the provider's options post-configuration fills it in.
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
