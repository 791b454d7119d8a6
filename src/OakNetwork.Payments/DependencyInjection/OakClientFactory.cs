using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OakNetwork.Payments;

/// <summary>
/// Creates one <see cref="OakClient"/> per registered name from its options and sends through that name's
/// <c>IHttpClientFactory</c> client, asking the factory for an <see cref="HttpClient"/> per exchange (so pooled
/// handlers are rotated and DNS changes are seen) and never disposing it.
/// </summary>
internal sealed class OakClientFactory(
    IOptionsMonitor<OakClientOptions> options,
    IOptions<OakClientRegistry> registry,
    IHttpClientFactory httpClientFactory,
    IServiceProvider services) : IOakClientFactory, IDisposable
{
    private readonly Dictionary<string, OakClient> _clients = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public OakClient Get(string name)
    {
        _ = name ?? throw new ArgumentNullException(nameof(name));

        lock (_gate)
        {
            if (_clients.TryGetValue(name, out var client))
            {
                return client;
            }

            if (!registry.Value.Names.Contains(name))
            {
                throw new InvalidOperationException(name.Length == 0
                    ? "No default Oak client is registered: call services.AddOakPayments(configuration) or services.AddOakPayments(options => ...)."
                    : $"No Oak client named '{name}' is registered: call services.AddOakPayments(\"{name}\", ...).");
            }

            client = Create(name);
            _clients.Add(name, client);
            return client;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }

    public override string ToString() => $"OakClientFactory ({registry.Value})";

    private OakClient Create(string name)
    {
        // Get validates (IValidateOptions): invalid options throw OptionsValidationException naming the setting.
        var settings = options.Get(name).Clone();
        settings.LoggerFactory ??= (ILoggerFactory?)services.GetService(typeof(ILoggerFactory));
        settings.TimeProvider ??= (TimeProvider?)services.GetService(typeof(TimeProvider));
        var httpClientName = OakClientRegistry.HttpClientName(name);
        return new OakClient(settings, () => httpClientFactory.CreateClient(httpClientName));
    }
}
