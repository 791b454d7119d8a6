namespace OakNetwork.Payments.Cli.Client;

/// <summary>An <see cref="OakClient"/> with the settings it was made from and the HTTP client it owns.</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly HttpClient _httpClient;

    public ApiSession(ClientSettings settings, OakClient client, HttpClient httpClient)
    {
        Settings = settings;
        Client = client;
        _httpClient = httpClient;
    }

    public ClientSettings Settings { get; }

    public OakClient Client { get; }

    public CustomerService Customers => Client.Customers;

    public void Dispose()
    {
        Client.Dispose();
        _httpClient.Dispose();
    }
}
