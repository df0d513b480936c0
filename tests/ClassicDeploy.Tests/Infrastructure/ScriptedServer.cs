using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>A request as the scripted server saw it.</summary>
public sealed record ScriptedRequest(string Method, string PathAndQuery, string Body);

/// <summary>An answer: status, body (XML) and whether to send x-ms-request-id; or, with <see cref="Raw"/>, exactly these bytes.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", string? RequestId = "0123456789abcdef0123456789abcdef", string ContentType = "application/xml; charset=utf-8")
{
    /// <summary>When set, the whole answer as sent (status line, headers, body), for what a broken proxy or a foreign server would send.</summary>
    public string? Raw { get; init; }

    /// <summary>An answer of exactly <paramref name="raw"/>, e.g. from <see cref="ScriptedServer.RawResponse"/>.</summary>
    public static ScriptedResponse Verbatim(string raw) => new ScriptedResponse(0) { Raw = raw };
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1, port 0, that answers each request with whatever the test's
/// function says: for what the emulator never does (failed operations, garbled answers, 403s,
/// HTML from a proxy, bytes that are not HTTP). One request per connection (Connection: close).
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedRequest, ScriptedResponse> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ScriptedServer(Func<ScriptedRequest, ScriptedResponse> answer)
    {
        _answer = answer;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Pass to Connect-ClassicDeploy -Endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every request so far, in arrival order.</summary>
    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    /// <summary>The standard XML of an error answer.</summary>
    public static string ErrorXml(string code, string message) =>
        $"<Error xmlns=\"http://schemas.microsoft.com/windowsazure\"><Code>{code}</Code><Message>{message}</Message></Error>";

    /// <summary>The XML of a finished or running operation.</summary>
    public static string OperationXml(string id, string status, int? httpStatus = null, string? code = null, string? message = null) =>
        $"<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>{id}</ID><Status>{status}</Status>" +
        (httpStatus is null ? string.Empty : $"<HttpStatusCode>{httpStatus}</HttpStatusCode>") +
        (code is null ? string.Empty : $"<Error><Code>{code}</Code><Message>{message}</Message></Error>") + "</Operation>";

    /// <summary>
    /// The raw text of a complete response with a correct Content-Length and a request id unless told otherwise,
    /// for <see cref="ScriptedResponse.Verbatim"/> (edit it to break it further).
    /// </summary>
    public static string RawResponse(int status, string contentType, string body, bool requestId = true, string? extraHeaders = null)
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
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
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
                var reader = new StreamReader(stream, Encoding.UTF8, false, 1, leaveOpen: true);
                string? requestLine = await reader.ReadLineAsync();
                if (requestLine is null)
                {
                    return;
                }

                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (string? line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
                {
                    int colon = line.IndexOf(':');
                    headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                }

                int length = headers.TryGetValue("Content-Length", out string? text) ? int.Parse(text) : 0;
                var body = new char[length];
                int read = 0;
                while (read < length)
                {
                    int n = await reader.ReadAsync(body, read, length - read);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                string[] parts = requestLine.Split(' ');
                var request = new ScriptedRequest(parts[0], parts[1], new string(body, 0, read));
                Requests.Enqueue(request);
                ScriptedResponse response = _answer(request);
                if (response.Raw != null)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(response.Raw));
                    await stream.FlushAsync();
                    client.Client.Shutdown(SocketShutdown.Send);
                    return;
                }

                byte[] payload = Encoding.UTF8.GetBytes(response.Body);
                var head = new StringBuilder()
                    .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(((HttpStatusCode)response.Status).ToString()).Append("\r\n")
                    .Append("Content-Type: ").Append(response.ContentType).Append("\r\n")
                    .Append("Content-Length: ").Append(payload.Length).Append("\r\n")
                    .Append("Connection: close\r\n");
                if (response.RequestId != null)
                {
                    head.Append("x-ms-request-id: ").Append(response.RequestId).Append("\r\n");
                }

                byte[] headBytes = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
                await stream.WriteAsync(headBytes);
                await stream.WriteAsync(payload);
                await stream.FlushAsync();
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
