using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspNetCoreSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Samples.Tests;

/// <summary>
/// Runs samples/AspNetCoreSample on a loopback port against an in-process emulator, configured the way a user
/// would (command-line configuration), and calls its endpoints over HTTP.
/// </summary>
public sealed class AspNetCoreSampleTests : IAsyncLifetime
{
    private OakEmulator _emulator = null!;

    public async Task InitializeAsync()
        => _emulator = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Customers_created_through_the_sample_are_listed_by_it()
    {
        await using var app = await StartSampleAsync(
            $"--OakPayments:BaseUrl={_emulator.BaseUrl}",
            $"--OakPayments:ClientId={_emulator.ClientId}",
            $"--OakPayments:ClientSecret={_emulator.ClientSecret}");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var created = await http.PostAsJsonAsync("/customers", new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace" });
        var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>();
        await http.PostAsJsonAsync("/customers", new { email = "grace@example.com", firstName = "Grace" });
        var list = await http.GetFromJsonAsync<JsonElement>("/customers?limit=10");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = createdBody.GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("/customers/" + id, created.Headers.Location?.OriginalString);
        Assert.Equal("Ada", createdBody.GetProperty("firstName").GetString());
        Assert.Equal(2, list.GetProperty("count").GetInt32());
        var emails = list.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("email").GetString()).ToList();
        Assert.Equal(["grace@example.com", "ada@example.com"], emails);
    }

    [Fact]
    public async Task The_emulators_validation_error_comes_back_as_a_problem_with_its_status()
    {
        await using var app = await StartSampleAsync(
            $"--OakPayments:BaseUrl={_emulator.BaseUrl}",
            $"--OakPayments:ClientId={_emulator.ClientId}",
            $"--OakPayments:ClientSecret={_emulator.ClientSecret}");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var missingEmail = await http.PostAsJsonAsync("/customers", new { firstName = "Nobody" });
        var badEmail = await http.PostAsJsonAsync("/customers", new { email = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, missingEmail.StatusCode);
        Assert.Equal("application/problem+json", missingEmail.Content.Headers.ContentType?.MediaType);
        Assert.True((int)badEmail.StatusCode is >= 400 and < 500, $"got {(int)badEmail.StatusCode}");
    }

    [Fact]
    public async Task Wrong_credentials_come_back_as_the_token_grants_answer()
    {
        await using var app = await StartSampleAsync(
            $"--OakPayments:BaseUrl={_emulator.BaseUrl}",
            "--OakPayments:ClientId=someone-else",
            "--OakPayments:ClientSecret=wrong");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var response = await http.GetAsync(new Uri("/customers", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // The contract: unknown client or wrong secret is a 404 "Merchant not found or invalid credentials".
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("invalid credentials", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_secret_stops_the_app_at_start_up_naming_the_setting()
    {
        var app = SampleApp.Build(["--urls=http://127.0.0.1:0", $"--OakPayments:BaseUrl={_emulator.BaseUrl}", "--OakPayments:ClientId=x", "--OakPayments:ClientSecret="]);
        await using (app)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Equal(["OakPayments:ClientSecret is required."], error.Failures);
        }
    }

    private static async Task<WebApplication> StartSampleAsync(params string[] settings)
    {
        var app = SampleApp.Build(["--urls=http://127.0.0.1:0", .. settings]);
        await app.StartAsync();
        return app;
    }
}
