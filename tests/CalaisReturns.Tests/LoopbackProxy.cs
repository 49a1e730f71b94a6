using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CalaisReturns.Tests;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of PostgreSQL. <see cref="Cut"/> closes the listener and every
/// relayed connection, as a database outage looks to the app; <see cref="Restore"/> listens again
/// on the same port.
/// </summary>
public sealed class LoopbackProxy(string targetHost, int targetPort) : IDisposable
{
    private readonly ConcurrentDictionary<TcpClient, byte> relayed = new();
    private TcpListener? listener;
    private CancellationTokenSource? stop;

    public int Port { get; private set; }

    public void Restore()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        stop = new CancellationTokenSource();
        _ = Accept(listener, stop.Token);
    }

    public void Cut()
    {
        stop?.Cancel();
        listener?.Stop();
        foreach (var connection in relayed.Keys)
        {
            connection.Dispose();
        }

        relayed.Clear();
    }

    public void Dispose() => Cut();

    private async Task Accept(TcpListener from, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Relay(client, ct);
        }
    }

    private async Task Relay(TcpClient client, CancellationToken ct)
    {
        var server = new TcpClient();
        relayed[client] = 0;
        relayed[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort, ct);
            var (a, b) = (client.GetStream(), server.GetStream());
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The outage the test asked for, or one side hung up.
        }
        finally
        {
            relayed.TryRemove(client, out _);
            relayed.TryRemove(server, out _);
            client.Dispose();
            server.Dispose();
        }
    }
}
