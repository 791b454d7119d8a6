using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Security;

/// <summary>
/// The admin API from a caller that is not on loopback. No fake: the emulator listens on a real non-loopback
/// address of this machine (and on loopback), and the test connects to that address, so the connection's remote
/// address — what the emulator's check reads — is that non-loopback address.
/// </summary>
public sealed class AdminLoopbackTests(ITestOutputHelper output)
{
    [NonLoopbackFact]
    public async Task Admin_endpoints_refuse_a_caller_on_a_non_loopback_address_and_serve_loopback()
    {
        var address = NonLoopbackFactAttribute.Address!;

        var folder = Directory.CreateTempSubdirectory("oak-admin-").FullName;
        await using var emulator = await OakEmulator.StartAsync(new EmulatorOptions
        {
            Urls = $"http://{address}:0;http://127.0.0.1:0",
            DataPath = Path.Combine(folder, "emulator.db"),
            LogLevel = LogLevel.Warning,
        });
        var addresses = emulator.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        var outside = new Uri(addresses.Single(a => a.Contains(address.ToString(), StringComparison.Ordinal)));
        var loopback = new Uri(addresses.Single(a => a.Contains("127.0.0.1", StringComparison.Ordinal)));
        using var remote = new HttpClient(new SocketsHttpHandler { ConnectCallback = ConnectFrom(address) }) { BaseAddress = outside };
        using var local = new HttpClient { BaseAddress = loopback };
        output.WriteLine($"emulator on {outside} and {loopback}");

        var requests = new (HttpMethod Method, string Path, string? Body)[]
        {
            (HttpMethod.Post, "_emulator/reset", null),
            (HttpMethod.Post, "_emulator/merchants", """{"client_id":"intruder","client_secret":"intruder-secret"}"""),
            (HttpMethod.Get, "_emulator/requests", null),
            (HttpMethod.Get, "_emulator/faults", null),
            (HttpMethod.Put, "_emulator/faults", """{"error_rate":1}"""),
            (HttpMethod.Delete, "_emulator/faults", null),
            (HttpMethod.Post, $"_emulator/customers/{Guid.NewGuid()}/balances", """{"provider":"stripe","currency":"usd","available":1}"""),
            (HttpMethod.Post, $"_emulator/customers/{Guid.NewGuid()}/registrations", """{"provider":"stripe","status":"approved"}"""),
        };
        foreach (var (method, path, body) in requests)
        {
            using var message = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await remote.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} from {address}: {(int)response.StatusCode} {text}");
            var envelope = JsonDocument.Parse(text).RootElement;
            Assert.Equal("authorization_error", envelope.GetProperty("error_code").GetString());
            Assert.Equal("loopback_only", envelope.GetProperty("failure_reasons")[0].GetProperty("code").GetString());
        }

        // The refusals did nothing: no merchant was added, no fault set, and the development merchant still works.
        using (var faults = await local.GetAsync("_emulator/faults"))
        {
            var data = JsonDocument.Parse(await faults.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
            Assert.Equal(0, data.GetProperty("error_rate").GetDouble());
        }

        using (var grant = await local.PostAsync("api/v1/merchant/token/grant", new StringContent(
            """{"client_id":"intruder","client_secret":"intruder-secret","grant_type":"client_credentials"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode); // the refused POST /_emulator/merchants added nobody
        }

        // The same emulator serves its public API to that caller, and its admin API to loopback.
        Assert.NotEmpty(await InProcessEmulator.GrantTokenAsync(remote, new MerchantCredentials(emulator.ClientId, emulator.ClientSecret)));
        using (var fromLoopback = await local.GetAsync("_emulator/requests"))
        {
            Assert.Equal(HttpStatusCode.OK, fromLoopback.StatusCode);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Binds the client socket to <paramref name="source"/>, so the server sees that address as the caller's.</summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectFrom(IPAddress source) => async (context, cancellationToken) =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    };
}
