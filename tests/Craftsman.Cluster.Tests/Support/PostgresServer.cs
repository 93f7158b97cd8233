using System.Diagnostics;
using Npgsql;

namespace Craftsman.Cluster.Tests.Support;

/// <summary>
/// The PostgreSQL every test of this assembly runs against. By default a throw-away server started
/// with deploy/pg/start-throwaway.sh (removed again at the end, and by its watchdog should this
/// process die first); with CRAFTSMAN_TEST_POSTGRES set (an Npgsql connection string), that server.
/// Either way the cluster-mode SQL is applied through deploy/sql/apply.sh before any test runs.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ExternalServerVariable = "CRAFTSMAN_TEST_POSTGRES";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);
    private string? _throwawayDir;

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Npgsql connection string of the database holding the cluster-mode schema.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            await ApplySqlAsync(external);
            return;
        }

        var output = await RunScriptAsync("deploy/pg/start-throwaway.sh", "--owner-pid", Environment.ProcessId.ToString());
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
        _throwawayDir = values.GetValueOrDefault("CRAFTSMAN_PG_DIR")
            ?? throw new InvalidOperationException($"start-throwaway.sh printed no CRAFTSMAN_PG_DIR:\n{output}");
        ConnectionString = values.GetValueOrDefault("CRAFTSMAN_PG_CONNECTION")
            ?? throw new InvalidOperationException($"start-throwaway.sh printed no CRAFTSMAN_PG_CONNECTION:\n{output}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_throwawayDir is not null)
            await RunScriptAsync("deploy/pg/stop-throwaway.sh", _throwawayDir);
    }

    /// <summary>Runs deploy/sql/apply.sh against <paramref name="connectionString"/>.</summary>
    public Task<string> ApplySqlAsync(string connectionString) => RunScriptAsync("deploy/sql/apply.sh", connectionString);

    /// <summary>The same server and credentials, another database.</summary>
    public string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    public async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ForDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Replace("\"", "\"\"")}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, string? connectionString = null, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString ?? ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    private async Task<string> RunScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {ScriptTimeout}.\n{await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        return await stdout;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Craftsman.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Craftsman.sln not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Every test of this assembly shares the server and runs one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
