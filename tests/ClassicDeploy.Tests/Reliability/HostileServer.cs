using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 that answers every request with one canned raw response and closes the
/// connection, so a test can send exactly the bytes a broken proxy or a misbehaving service would.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private volatile string rawResponse = Respond(200, "text/plain", string.Empty);

    public HostileServer()
    {
        listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Request lines seen, e.g. "GET /sub/services/hostedservices/svc/deploymentslots/production".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Answer(string raw) => rawResponse = raw;

    /// <summary>A complete response with a correct Content-Length and a request id unless told otherwise.</summary>
    public static string Respond(int status, string contentType, string body, bool requestId = true, string? extraHeaders = null)
    {
        var text = new StringBuilder();
        text.Append("HTTP/1.1 ").Append(status).Append(' ').Append(status == 200 ? "OK" : "Status").Append("\r\n");
        if (contentType.Length > 0)
        {
            text.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        if (requestId)
        {
            text.Append("x-ms-request-id: 0123456789abcdef0123456789abcdef\r\n");
        }

        text.Append(extraHeaders);
        text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\nConnection: close\r\n\r\n").Append(body);
        return text.ToString();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string head = await ReadHeadAsync(stream).ConfigureAwait(false);
                int firstLineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
                string requestLine = firstLineEnd < 0 ? head : head.Substring(0, firstLineEnd);
                int queryOrVersion = requestLine.LastIndexOf(' ');
                Requests.Enqueue(queryOrVersion > 0 ? requestLine.Substring(0, queryOrVersion) : requestLine);
                await SkipBodyAsync(stream, head).ConfigureAwait(false);
                byte[] answer = Encoding.UTF8.GetBytes(rawResponse);
                await stream.WriteAsync(answer, stop.Token).ConfigureAwait(false);
                await stream.FlushAsync(stop.Token).ConfigureAwait(false);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (head.Length < 64 * 1024 && !head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private static async Task SkipBodyAsync(NetworkStream stream, string head)
    {
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line.Substring("Content-Length:".Length).Trim(), out int length))
            {
                var buffer = new byte[4096];
                while (length > 0)
                {
                    int read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, length))).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    length -= read;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            await acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
