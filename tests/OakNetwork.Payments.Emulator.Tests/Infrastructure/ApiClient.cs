using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OakNetwork.Payments.Emulator.Tests.Infrastructure;

/// <summary>A plain HttpClient wrapper for one merchant (or none): sends raw JSON, returns a <see cref="Reply"/>.</summary>
public sealed class ApiClient(HttpClient http, string? token)
{
    public string? Token { get; } = token;

    public HttpClient Http { get; } = http;

    public Task<Reply> GetAsync(string path, string? bearer = null) => SendAsync(HttpMethod.Get, path, null, bearer: bearer);

    public Task<Reply> PostAsync(string path, string? json, IDictionary<string, string>? headers = null) => SendAsync(HttpMethod.Post, path, json, headers);

    public Task<Reply> PutAsync(string path, string? json) => SendAsync(HttpMethod.Put, path, json);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json, IDictionary<string, string>? headers = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await SendAsync(request, headers, bearer).ConfigureAwait(false);
    }

    public async Task<Reply> SendAsync(HttpRequestMessage request, IDictionary<string, string>? headers = null, string? bearer = null)
    {
        var auth = bearer ?? Token;
        if (auth is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return new Reply((int)response.StatusCode, response.Headers, response.Content.Headers, bytes);
    }

    /// <summary>Creates a customer with a unique email (plus the given extra JSON members) and returns it.</summary>
    public async Task<JsonElement> CreateCustomerAsync(string extraMembers = "", string? email = null)
    {
        email ??= $"c{Guid.NewGuid():N}@example.com";
        var body = "{\"email\":" + JsonSerializer.Serialize(email) + (extraMembers.Length > 0 ? "," + extraMembers : "") + "}";
        var reply = await PostAsync("/api/v1/customers", body).ConfigureAwait(false);
        Assert.True(reply.Status == 200, reply.ToString());
        return reply.Data;
    }

    public async Task<JsonElement> GetCustomerAsync(string id)
    {
        var reply = await GetAsync($"/api/v1/customers/{id}").ConfigureAwait(false);
        Assert.True(reply.Status == 200, reply.ToString());
        return reply.Data;
    }

    /// <summary>A complete individual customer: every field the KYC simulation requires.</summary>
    public const string CompleteKyc =
        "\"first_name\":\"Ana\",\"last_name\":\"Silva\",\"document_number\":\"12345678901\",\"document_type\":\"cpf\",\"dob\":\"1990-05-17\",\"country_code\":\"BR\"";
}
