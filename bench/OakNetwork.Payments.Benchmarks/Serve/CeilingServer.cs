using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Benchmarks.Micro;

namespace OakNetwork.Payments.Benchmarks.Serve;

/// <summary>
/// The ceiling: a bare Kestrel app in the emulator's process answering a fixed customer envelope (the same size
/// as the emulator's answer) with no auth, no database, no middleware. What Kestrel itself does here.
/// It lives in the benchmark, not in the emulator's API surface.
/// </summary>
internal sealed class CeilingServer : IAsyncDisposable
{
    public const string Path = "/ceiling/customer";
    private readonly WebApplication _app;

    private CeilingServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<CeilingServer> StartAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        app.MapGet(Path, (HttpContext context) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CeilingServer(app, new Uri(address + "/"));
    }

    public static byte[] DefaultBody => SampleData.CustomerEnvelope;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
