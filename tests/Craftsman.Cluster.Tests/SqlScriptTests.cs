using Craftsman.Cluster.Tests.Support;

namespace Craftsman.Cluster.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SqlScriptTests(PostgresServer server)
{
    /// <summary>Every key Orleans 10.4.2's three ADO.NET providers look up (CleanupDefunctSiloEntryKey is optional there).</summary>
    public static readonly string[] ProviderQueryKeys =
    [
        // Clustering
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey",
        "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        // Persistence
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        // Reminders
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task ScriptsCreateTheDatabaseAndApplyTwiceLeavingTheSameSchema()
    {
        var database = $"craftsman_sql_{Guid.NewGuid():N}"[..26];
        var connectionString = server.ForDatabase(database);
        try
        {
            await server.ApplySqlAsync(connectionString);
            var first = await SchemaAsync(connectionString);

            await server.ApplySqlAsync(connectionString);
            var second = await SchemaAsync(connectionString);

            Assert.Equal(first, second);
            var keys = await server.QueryAsync("SELECT querykey FROM orleansquery", r => r.GetString(0), connectionString);
            Assert.Equal(ProviderQueryKeys.Order(), keys.Order());
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task ScriptsApplyAgainToTheDatabaseInUse()
    {
        var before = await SchemaAsync(server.ConnectionString);

        await server.ApplySqlAsync(server.ConnectionString);

        Assert.Equal(before, await SchemaAsync(server.ConnectionString));
    }

    // Tables and their columns, indexes, functions and query texts: what a second run could change.
    private Task<List<string>> SchemaAsync(string connectionString) =>
        server.QueryAsync(
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'function ' || p.proname || ' ' || md5(pg_get_functiondef(p.oid))
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'query ' || querykey || ' ' || md5(querytext) FROM orleansquery
            ORDER BY 1
            """,
            r => r.GetString(0),
            connectionString);
}
