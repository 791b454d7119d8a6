using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.DependencyInjection;

/// <summary><c>services.AddOakPayments(...)</c>: what gets injected, how options are read and checked, named clients.</summary>
public class AddOakPaymentsTests
{
    private const string Id = Responses.CustomerId;

    private static IConfiguration Config(params (string Key, string? Value)[] values)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private static IConfiguration ValidConfig(string baseUrl = "https://oak-a.test/") => Config(
        ("OakPayments:BaseUrl", baseUrl),
        ("OakPayments:ClientId", "client-a"),
        ("OakPayments:ClientSecret", "secret-a"),
        ("OakPayments:Timeout", "00:00:05"),
        ("OakPayments:TokenRefreshSkew", "00:02:00"),
        ("OakPayments:Retry:MaxRetries", "1"),
        ("OakPayments:Retry:Delay", "00:00:00"));

    [Fact]
    public async Task From_configuration_OakClient_CustomerService_and_ICustomerService_are_injectable()
    {
        var handler = new StubHandler((_, _) => Task.FromResult(Responses.Customer()));
        var services = new ServiceCollection();
        services.AddOakPayments(ValidConfig().GetSection("OakPayments")).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var client = provider.GetRequiredService<OakClient>();
        Assert.Equal(new Uri("https://oak-a.test/"), client.BaseUrl);
        Assert.Same(client.Customers, provider.GetRequiredService<CustomerService>());
        Assert.Same(client.Customers, provider.GetRequiredService<ICustomerService>());
        Assert.Same(client, provider.GetRequiredService<IOakClientFactory>().Get(Options.DefaultName));

        var result = await provider.GetRequiredService<ICustomerService>().GetAsync(Id);

        Assert.True(result.Ok, result.Error?.ToString());
        var grant = Assert.Single(handler.Requests, r => r.IsGrant);
        Assert.Contains("\"client_id\":\"client-a\"", grant.BodyText, StringComparison.Ordinal);
        Assert.Equal("https://oak-a.test/api/v1/customers/" + Id, Assert.Single(handler.ApiRequests).Uri.ToString());
    }

    [Fact]
    public void Configuration_values_are_read_into_the_options()
    {
        var services = new ServiceCollection();
        services.AddOakPayments(Config(
            ("Oak:Environment", "production"),
            ("Oak:ClientId", "client-a"),
            ("Oak:ClientSecret", "secret-a"),
            ("Oak:Timeout", "00:00:05"),
            ("Oak:TokenRefreshSkew", "00:02:00"),
            ("Oak:Retry:MaxRetries", "4"),
            ("Oak:Retry:Delay", "00:00:00.250"),
            ("Oak:Retry:MaxDelay", "00:00:10")).GetSection("Oak"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<OakClientOptions>>().Get(Options.DefaultName);

        Assert.Equal(OakEnvironment.Production, options.Environment);
        Assert.Equal(OakClientOptions.ProductionUrl, options.GetEffectiveBaseUrl());
        Assert.Equal("client-a", options.ClientId);
        Assert.Equal("secret-a", options.ClientSecret);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TokenRefreshSkew);
        Assert.Equal(4, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Retry.MaxDelay);
        Assert.Equal(OakClientOptions.ProductionUrl, provider.GetRequiredService<OakClient>().BaseUrl);
    }

    [Fact]
    public void A_missing_secret_fails_at_start_up_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddOakPayments(Config(("OakPayments:ClientId", "client-a")).GetSection("OakPayments"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["OakPayments:ClientSecret is required."], error.Failures);
    }

    [Fact]
    public void Unreadable_and_out_of_range_values_are_each_reported_by_their_key()
    {
        var services = new ServiceCollection();
        services.AddOakPayments(Config(
            ("Merchants:A:Environment", "Staging"),
            ("Merchants:A:BaseUrl", "not a url"),
            ("Merchants:A:Timeout", "soon"),
            ("Merchants:A:TokenRefreshSkew", "-00:01:00"),
            ("Merchants:A:Retry:MaxRetries", "lots"),
            ("Merchants:A:Retry:MaxDelay", "2.00:00:00")).GetSection("Merchants:A"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "Merchants:A:Environment must be Sandbox or Production (it is 'Staging').",
                "Merchants:A:BaseUrl must be an absolute http or https URL (it is 'not a url').",
                "Merchants:A:Timeout must be a time span such as 00:00:30 (it is 'soon').",
                "Merchants:A:Retry:MaxRetries must be a whole number (it is 'lots').",
                "Merchants:A:ClientId is required.",
                "Merchants:A:ClientSecret is required.",
                "Merchants:A:TokenRefreshSkew must not be negative.",
                "Merchants:A:Retry:MaxDelay must be between 0 and 1 day.",
            ],
            error.Failures);
    }

    [Fact]
    public void Options_set_in_code_are_validated_too_and_the_secret_is_never_quoted()
    {
        var services = new ServiceCollection();
        services.AddOakPayments(o =>
        {
            o.ClientSecret = "s3cr3t";
            o.BaseUrl = new Uri("ftp://oak.test/");
        });
        services.AddOakPayments("merchant-b", o => o.ClientId = "client-b");
        using var provider = services.BuildServiceProvider();

        // One OptionsValidationException per registration with problems, together.
        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var failures = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.Equal(
            [
                "OakClientOptions.ClientId is required.",
                "OakClientOptions.BaseUrl must be an absolute http or https URL.",
                "OakClientOptions.ClientSecret is required (Oak client 'merchant-b').",
            ],
            failures);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OakClient>());
    }

    [Fact]
    public async Task Named_clients_keep_their_own_options_credentials_and_http_clients()
    {
        var handlerA = new StubHandler((_, _) => Task.FromResult(Responses.Customer()));
        var handlerB = new StubHandler((_, _) => Task.FromResult(Responses.Customer()));
        var services = new ServiceCollection();
        services.AddOakPayments(ValidConfig().GetSection("OakPayments")).ConfigurePrimaryHttpMessageHandler(() => handlerA);
        services.AddOakPayments("merchant-b", o =>
        {
            o.BaseUrl = new Uri("https://oak-b.test/");
            o.ClientId = "client-b";
            o.ClientSecret = "secret-b";
        }).ConfigurePrimaryHttpMessageHandler(() => handlerB);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var factory = provider.GetRequiredService<IOakClientFactory>();

        var b = factory.Get("merchant-b");
        await b.Customers.GetAsync(Id);
        await provider.GetRequiredService<CustomerService>().GetAsync(Id);

        Assert.Same(b, factory.Get("merchant-b"));
        Assert.NotSame(b, provider.GetRequiredService<OakClient>());
        Assert.Equal(new Uri("https://oak-b.test/"), b.BaseUrl);
        Assert.Contains("\"client_id\":\"client-b\"", Assert.Single(handlerB.Requests, r => r.IsGrant).BodyText, StringComparison.Ordinal);
        Assert.Contains("\"client_id\":\"client-a\"", Assert.Single(handlerA.Requests, r => r.IsGrant).BodyText, StringComparison.Ordinal);
        Assert.Equal("oak-b.test", Assert.Single(handlerB.ApiRequests).Uri.Host);
        Assert.Equal("oak-a.test", Assert.Single(handlerA.ApiRequests).Uri.Host);
    }

    [Fact]
    public void Asking_for_an_unregistered_name_says_how_to_register_it()
    {
        var services = new ServiceCollection();
        services.AddOakPayments("merchant-b", o => { });
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IOakClientFactory>();

        var named = Assert.Throws<InvalidOperationException>(() => factory.Get("merchant-c"));
        var fallback = Assert.Throws<InvalidOperationException>(() => factory.Get(Options.DefaultName));

        Assert.Contains("services.AddOakPayments(\"merchant-c\"", named.Message, StringComparison.Ordinal);
        Assert.Contains("No default Oak client is registered", fallback.Message, StringComparison.Ordinal);
        Assert.Null(provider.GetService<OakClient>());
    }

    [Fact]
    public async Task One_client_per_name_so_its_access_token_is_shared_by_every_call()
    {
        var handler = new StubHandler((_, _) => Task.FromResult(Responses.Customer()));
        var services = new ServiceCollection();
        services.AddOakPayments(ValidConfig().GetSection("OakPayments")).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 3; i++)
        {
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ICustomerService>().GetAsync(Id);
        }

        Assert.Equal(1, handler.GrantCount);
        Assert.Equal(3, handler.ApiRequests.Count);
    }

    [Fact]
    public async Task Each_exchange_takes_an_HttpClient_from_the_factory_and_none_is_disposed()
    {
        var handler = new StubHandler((_, _) => Task.FromResult(Responses.Customer()));
        var factory = new CountingHttpClientFactory(handler);
        var services = new ServiceCollection();
        services.AddOakPayments(ValidConfig().GetSection("OakPayments"));
        services.AddSingleton<IHttpClientFactory>(factory);
        await using (var provider = services.BuildServiceProvider())
        {
            var customers = provider.GetRequiredService<CustomerService>();
            await customers.GetAsync(Id);
            await customers.GetAsync(Id);
        }

        // The grant, then two calls: each asked the factory, by the registration's name.
        Assert.Equal(["OakNetwork.Payments", "OakNetwork.Payments", "OakNetwork.Payments"], factory.Names);
        Assert.All(factory.Clients, c => Assert.False(c.Disposed));
    }

    [Fact]
    public async Task The_containers_logger_factory_is_used_and_the_http_factorys_url_logging_is_off()
    {
        var logs = new LogCapture();
        var handler = new StubHandler((_, _) => Task.FromResult(Responses.Customer()));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddOakPayments(ValidConfig().GetSection("OakPayments")).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<CustomerService>().ListAsync(new CustomerListQuery { Email = "alice@example.com" });
        await provider.GetRequiredService<CustomerService>().GetAsync(Id);

        Assert.Contains(logs.Entries, e => e.EventId.Name == "OperationSucceeded" && e.Message.StartsWith("customers.list GET /api/v1/customers answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain("alice", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Id, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fake_ICustomerService_can_replace_the_real_one()
    {
        var services = new ServiceCollection();
        services.AddOakPayments(ValidConfig().GetSection("OakPayments"));
        services.AddSingleton<ICustomerService, FakeCustomers>();
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ICustomerService>().GetAsync(Id);

        Assert.Equal("fake", Assert.IsType<ValidationError>(result.Error).Message);
    }

    private sealed class FakeCustomers : CustomerService
    {
        public override Task<OakResult<ApiResponse<Customer>>> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default)
            => Task.FromResult(OakResult.Failure<ApiResponse<Customer>>(new ValidationError("fake", "id")));
    }

    private sealed class CountingHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public List<string> Names { get; } = [];

        public List<TrackedHttpClient> Clients { get; } = [];

        public HttpClient CreateClient(string name)
        {
            Names.Add(name);
            var client = new TrackedHttpClient(handler);
            Clients.Add(client);
            return client;
        }
    }

    private sealed class TrackedHttpClient(HttpMessageHandler handler) : HttpClient(handler, disposeHandler: false)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
