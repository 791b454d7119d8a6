using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OakNetwork.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Oak Payments clients: <see cref="OakClient"/>, <see cref="CustomerService"/> and
/// <see cref="ICustomerService"/> for the default registration, <see cref="IOakClientFactory"/> for every
/// registration, each sending through its own named <c>IHttpClientFactory</c> client, with options validated at
/// start-up.
/// </summary>
public static class OakServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default Oak client with options read from a configuration section (for example
    /// <c>configuration.GetSection("OakPayments")</c>) without reflection, so it is trimming and AOT safe.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section with <c>ClientId</c>, <c>ClientSecret</c>, <c>BaseUrl</c> or <c>Environment</c>, <c>Timeout</c>, <c>Retry</c>…</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, to add handlers or configure it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOakPayments(this IServiceCollection services, IConfiguration configuration)
        => AddOakPayments(services, Options.Options.DefaultName, configuration);

    /// <summary>Registers the default Oak client with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>, to add handlers or configure it.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOakPayments(this IServiceCollection services, Action<OakClientOptions> configure)
        => AddOakPayments(services, Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named Oak client (for example one per merchant) with options read from a configuration section;
    /// get it with <see cref="IOakClientFactory.Get(string)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name; the empty string is the default registration.</param>
    /// <param name="configuration">The section with the client's settings.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOakPayments(this IServiceCollection services, string name, IConfiguration configuration)
    {
        _ = configuration ?? throw new ArgumentNullException(nameof(configuration));

        var (options, http) = AddCore(services, name);
        options.Configure(settings => OakClientOptionsBinder.Bind(configuration, settings));
        return http;
    }

    /// <summary>
    /// Registers a named Oak client (for example one per merchant) with options set in code; get it with
    /// <see cref="IOakClientFactory.Get(string)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name; the empty string is the default registration.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddOakPayments(this IServiceCollection services, string name, Action<OakClientOptions> configure)
    {
        _ = configure ?? throw new ArgumentNullException(nameof(configure));

        var (options, http) = AddCore(services, name);
        options.Configure(configure);
        return http;
    }

    private static (OptionsBuilder<OakClientOptions> Options, IHttpClientBuilder Http) AddCore(IServiceCollection services, string name)
    {
        _ = services ?? throw new ArgumentNullException(nameof(services));

        _ = name ?? throw new ArgumentNullException(nameof(name));

        services.TryAddSingleton<IOakClientFactory, OakClientFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OakClientOptions>, OakClientOptionsValidator>());
        services.Configure<OakClientRegistry>(registry => registry.Names.Add(name));
        if (name.Length == 0)
        {
            services.TryAddSingleton(static sp => sp.GetRequiredService<IOakClientFactory>().Get(Options.Options.DefaultName));
            services.TryAddSingleton(static sp => sp.GetRequiredService<OakClient>().Customers);
            services.TryAddSingleton<ICustomerService>(static sp => sp.GetRequiredService<CustomerService>());
        }

        var options = services.AddOptions<OakClientOptions>(name).ValidateOnStart();

        // Timeouts are the SDK's (per try, on its TimeProvider). The factory's request logging is removed: it would
        // log raw URLs (customer ids, e-mail filters); the SDK logs operations with path templates instead.
        var http = services.AddHttpClient(OakClientRegistry.HttpClientName(name))
            .ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return (options, http);
    }
}
