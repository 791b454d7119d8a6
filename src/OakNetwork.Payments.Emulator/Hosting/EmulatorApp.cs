using OakNetwork.Payments.Emulator.Admin;
using OakNetwork.Payments.Emulator.Auth;
using OakNetwork.Payments.Emulator.Balances;
using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Files;
using OakNetwork.Payments.Emulator.Idempotency;
using OakNetwork.Payments.Emulator.Jobs;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Platforms;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>Composes the emulator's web application: services, the request pipeline and the endpoints.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, IEmulatorStore store, byte[] signingSecret, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });

        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestBodyBufferMiddleware.MaxMultipartBytes + (1024 * 1024);
            // Long query strings must reach the validators (and get a 400 envelope), not die as a bare 414.
            kestrel.Limits.MaxRequestLineSize = 128 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        // ASP.NET Core's request logs carry query strings (emails): kept at warning.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        builder.Logging.AddFilter("OakNetwork", options.LogLevel);

        var time = options.TimeProvider ?? TimeProvider.System;
        var keys = new SigningKeys();
        keys.Load(signingSecret);

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(store);
        services.AddSingleton(keys);
        services.AddSingleton<TokenService>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<KycSimulator>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<CustomerSyncService>();
        services.AddSingleton<PlatformService>();
        services.AddSingleton<BalanceService>();
        services.AddSingleton<FileService>();
        services.AddSingleton<RequestJournal>();
        services.AddSingleton<FaultInjector>();
        services.AddScoped<UnitOfWork>();
        services.AddHostedService<JobWorker>();
        services.ConfigureHttpJsonOptions(json =>
        {
            // The same naming as the emulator's own context, so the OpenAPI schemas show the wire names.
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, EmulatorJsonContext.Default);
        });
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Oak Payments API — Customers (emulator)";
            document.Info.Version = "v1";
            document.Info.Description = "The Customers contract served by the Oak emulator. Bearer token from POST /api/v1/merchant/token/grant.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();

        app.UseMiddleware<RequestTrackingMiddleware>();
        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        app.UseWhen(context => ApiPaths.IsUnder(context.Request.Path, ApiPaths.Admin), admin => admin.UseMiddleware<LoopbackOnlyMiddleware>());
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<RequestBodyBufferMiddleware>();
        app.UseMiddleware<UnitOfWorkMiddleware>();
        app.UseWhen(context => ApiPaths.IsUnder(context.Request.Path, ApiPaths.Customers), api =>
        {
            api.UseMiddleware<BearerAuthMiddleware>();
            api.UseMiddleware<IdempotencyMiddleware>();
        });
        app.UseRouting();

        app.MapTokenEndpoints();
        var customers = app.MapGroup(ApiPaths.Customers).WithTags("Customers");
        customers.MapCustomerEndpoints();
        customers.MapBalanceEndpoints();
        customers.MapFileEndpoints();
        customers.MapPlatformEndpoints();
        app.MapDownloadEndpoint();
        app.MapAdminEndpoints();
        app.MapOpenApi();

        return app;
    }
}
