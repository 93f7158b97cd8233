using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Craftsman.Fuzz.Tests.Support;

/// <summary>
/// A SignalR connection spoken by hand over long polling, so a test can send any frame (invalid
/// JSON, NaN, a frame over the limit) that the real client would refuse to write.
/// </summary>
public sealed class RawHubConnection(HttpClient http, string path) : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private string _id = "";
    private readonly Queue<string> _received = new();

    public bool Closed { get; private set; }

    public static async Task<RawHubConnection> Open(FuzzGateway gateway, string path, string? token)
    {
        var http = gateway.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(60);
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var connection = new RawHubConnection(http, path);
        var negotiate = await http.PostAsync($"{path}/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        connection._id = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString()!;
        await connection.Send("{\"protocol\":\"json\",\"version\":1}" + Separator);
        var handshake = await connection.Next();
        if (handshake != "{}")
            throw new InvalidOperationException($"Handshake refused: {handshake}");
        return connection;
    }

    public async Task Send(string frameText)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(frameText));
        var response = await http.PostAsync($"{path}?id={_id}", content);
        if (!response.IsSuccessStatusCode)
            Closed = true;
    }

    /// <summary>Invokes with raw argument text and waits for that invocation's completion (null if the connection closed).</summary>
    public async Task<JsonElement?> Invoke(string invocationId, string target, string argumentsJson)
    {
        await Send($"{{\"type\":1,\"invocationId\":\"{invocationId}\",\"target\":\"{target}\",\"arguments\":{argumentsJson}}}{Separator}");
        return await Completion(invocationId);
    }

    public async Task<JsonElement?> Completion(string invocationId)
    {
        while (await Next() is { } message)
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(message).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }
            if (root.TryGetProperty("type", out var type) && type.GetInt32() == 3
                && root.TryGetProperty("invocationId", out var id) && id.GetString() == invocationId)
                return root;
            if (type.GetInt32() == 7)
            {
                Closed = true;
                return root;
            }
        }
        return null;
    }

    private async Task<string?> Next()
    {
        while (_received.Count == 0)
        {
            if (Closed)
                return null;
            var poll = await http.GetAsync($"{path}?id={_id}");
            if (poll.StatusCode == System.Net.HttpStatusCode.NoContent || !poll.IsSuccessStatusCode)
            {
                Closed = true;
                return null;
            }
            foreach (var frame in (await poll.Content.ReadAsStringAsync()).Split(Separator, StringSplitOptions.RemoveEmptyEntries))
                _received.Enqueue(frame);
        }
        return _received.Dequeue();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Closed)
            await http.DeleteAsync($"{path}?id={_id}");
        http.Dispose();
    }
}
