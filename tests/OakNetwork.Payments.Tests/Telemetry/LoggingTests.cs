using Microsoft.Extensions.Logging;
using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Telemetry;

/// <summary>What the SDK logs, and what it must never log.</summary>
public class LoggingTests
{
    private const string Id = Responses.CustomerId;

    [Fact]
    public async Task A_successful_call_logs_operation_method_template_status_duration_and_retries()
    {
        var logs = new LogCapture();
        using var h = Harness.Create(_ => Responses.Customer(), o => o.LoggerFactory = logs);

        await h.Customers.GetAsync(Id);

        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "OperationSucceeded");
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Equal(OakTelemetry.SourceName, entry.Category);
        Assert.StartsWith("customers.get GET /api/v1/customers/{id} answered 200 in ", entry.Message, StringComparison.Ordinal);
        Assert.EndsWith("(0 retries)", entry.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId.Name == "TokenRefreshed");
    }

    [Fact]
    public async Task Retries_token_rejections_and_failures_are_logged()
    {
        var logs = new LogCapture();
        var calls = 0;
        using var h = Harness.Create(
            _ => Interlocked.Increment(ref calls) switch
            {
                1 => Responses.Error(503, "Provider unavailable", "provider_unavailable"),
                2 => Responses.Error(401, "Token revoked", "unauthorized"),
                _ => Responses.Error(404, "Customer not found", "not_found"),
            },
            o => o.LoggerFactory = logs);

        await h.Customers.GetAsync(Id);

        var retry = Assert.Single(logs.Entries, e => e.EventId.Name == "RetryScheduled");
        Assert.Equal("customers.get GET /api/v1/customers/{id}: try 1 failed with 503; retrying in 0 ms", retry.Message);
        Assert.Single(logs.Entries, e => e.EventId.Name == "TokenRejected");
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Name == "TokenRefreshed"));
        var failed = Assert.Single(logs.Entries, e => e.EventId.Name == "OperationFailed");
        Assert.Equal(LogLevel.Information, failed.Level);
        Assert.StartsWith("customers.get GET /api/v1/customers/{id} failed with 404 (status 404) in ", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("(1 retries)", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_after_the_last_retry_is_a_warning()
    {
        var logs = new LogCapture();
        using var h = Harness.Create(_ => Responses.Error(503, "Provider unavailable", "provider_unavailable"), o => o.LoggerFactory = logs);

        await h.Customers.ListAsync();

        var failed = Assert.Single(logs.Entries, e => e.EventId.Name == "OperationFailed");
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Name == "RetryScheduled"));
    }

    [Fact]
    public async Task A_refused_token_grant_is_logged_without_the_credentials()
    {
        var logs = new LogCapture();
        using var h = Harness.Create(_ => Responses.Customer(), o => o.LoggerFactory = logs);
        h.Handler.Grant = (_, _) => Task.FromResult(Responses.Error(401, "Invalid client credentials", "invalid_client"));

        await h.Customers.GetAsync(Id);

        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "TokenRefreshFailed");
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("The access-token grant failed with 401 (status 401)", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.ClientSecret, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("client-1", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_never_hold_ids_query_strings_personal_data_secrets_or_tokens()
    {
        var logs = new LogCapture();
        var calls = 0;
        using var h = Harness.Create(
            _ => Interlocked.Increment(ref calls) % 3 == 1 ? Responses.Error(500, "alice@example.com exploded", "internal_error") : Responses.Customer(),
            o => o.LoggerFactory = logs);

        await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "alice@example.com", FirstName = "Alice" });
        await h.Customers.GetAsync(Id);
        await h.Customers.ListAsync(new CustomerListQuery { Email = "alice@example.com", Limit = 5 });
        await h.Customers.UpdateAsync(Id, new UpdateCustomerRequest { FirstName = "Alicia" });

        var text = logs.AllText;
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alicia", text, StringComparison.Ordinal);
        Assert.DoesNotContain("limit=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", text, StringComparison.Ordinal);
    }
}
