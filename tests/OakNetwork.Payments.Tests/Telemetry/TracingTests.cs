using System.Diagnostics;
using OakNetwork.Payments.Tests.TestSupport;

namespace OakNetwork.Payments.Tests.Telemetry;

/// <summary>One span per SDK operation, with OpenTelemetry HTTP client attributes, the HTTP calls inside it.</summary>
public class TracingTests
{
    private const string Id = Responses.CustomerId;

    [Fact]
    public async Task A_create_is_one_span_named_after_the_operation_with_http_attributes()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => Responses.Customer(), o => o.BaseUrl = capture.BaseUrl);

        var result = await h.Customers.CreateAsync(new CreateCustomerRequest { Email = "alice@example.com" });

        Assert.True(result.Ok, result.Error?.ToString());
        var span = Assert.Single(capture.Activities);
        Assert.Equal("customers.create", span.OperationName);
        Assert.Equal(OakTelemetry.SourceName, span.Source.Name);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal("POST", span.GetTagItem("http.request.method"));
        Assert.Equal("/api/v1/customers", span.GetTagItem("url.template"));
        Assert.Equal(capture.Host, span.GetTagItem("server.address"));
        Assert.Equal(443, span.GetTagItem("server.port"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(0, span.GetTagItem("oak.retry_count"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
    }

    [Fact]
    public async Task A_get_span_carries_the_path_template_and_never_the_id()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => Responses.Customer(), o => o.BaseUrl = capture.BaseUrl);

        await h.Customers.GetAsync(Id);

        var span = Assert.Single(capture.Activities);
        Assert.Equal("customers.get", span.OperationName);
        Assert.Equal("/api/v1/customers/{id}", span.GetTagItem("url.template"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains(Id, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Id, span.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_grant_and_the_api_call_are_sent_while_the_operation_span_is_current()
    {
        using var capture = new TelemetryCapture();
        var seen = new List<string?>();
        using var h = Harness.Create(
            _ =>
            {
                seen.Add(Activity.Current?.OperationName);
                return Responses.Customer();
            },
            o => o.BaseUrl = capture.BaseUrl);
        h.Handler.Grant = (_, n) =>
        {
            seen.Add("grant under " + Activity.Current?.OperationName);
            return Task.FromResult(Responses.Token($"token-{n}", 3600));
        };

        await h.Customers.GetAsync(Id);

        // The HttpClient's own spans start where Activity.Current is the operation span, so they are its children.
        Assert.Equal(["grant under customers.get", "customers.get"], seen);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_retried_operation_reports_its_retry_and_resend_counts()
    {
        using var capture = new TelemetryCapture();
        var calls = 0;
        using var h = Harness.Create(
            _ => Interlocked.Increment(ref calls) == 1 ? Responses.Error(503, "Provider unavailable", "provider_unavailable") : Responses.Customer(),
            o => o.BaseUrl = capture.BaseUrl);

        var result = await h.Customers.GetAsync(Id);

        Assert.True(result.Ok);
        var span = Assert.Single(capture.Activities);
        Assert.Equal(1, span.GetTagItem("oak.retry_count"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
    }

    [Fact]
    public async Task A_failed_operation_sets_error_type_and_error_status()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => Responses.Error(404, "Customer not found", "not_found"), o => o.BaseUrl = capture.BaseUrl);

        var result = await h.Customers.GetAsync(Id);

        Assert.False(result.Ok);
        var span = Assert.Single(capture.Activities);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("404", span.StatusDescription);
    }

    [Fact]
    public async Task A_transport_failure_has_no_status_code_and_names_the_error()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => throw new HttpRequestException("connection refused"), o =>
        {
            o.BaseUrl = capture.BaseUrl;
            o.Retry.MaxRetries = 1;
        });

        var result = await h.Customers.GetAsync(Id);

        Assert.IsType<NetworkError>(result.Error);
        var span = Assert.Single(capture.Activities);
        Assert.Null(span.GetTagItem("http.response.status_code"));
        Assert.Equal("NetworkError", span.GetTagItem("error.type"));
        Assert.Equal(1, span.GetTagItem("oak.retry_count"));
    }

    [Fact]
    public async Task A_replay_after_a_rejected_token_counts_as_a_resend_and_is_an_event()
    {
        using var capture = new TelemetryCapture();
        var calls = 0;
        using var h = Harness.Create(
            _ => Interlocked.Increment(ref calls) == 1 ? Responses.Error(401, "Token expired", "unauthorized") : Responses.Customer(),
            o => o.BaseUrl = capture.BaseUrl);

        var result = await h.Customers.GetAsync(Id);

        Assert.True(result.Ok);
        var span = Assert.Single(capture.Activities);
        Assert.Equal(0, span.GetTagItem("oak.retry_count"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
        Assert.Contains(span.Events, e => e.Name == "oak.token.rejected");
    }

    [Fact]
    public async Task Invalid_input_sends_nothing_and_starts_no_span()
    {
        using var capture = new TelemetryCapture();
        using var h = Harness.Create(_ => Responses.Customer(), o => o.BaseUrl = capture.BaseUrl);

        await h.Customers.CreateAsync(new CreateCustomerRequest());

        Assert.Empty(capture.Activities);
        Assert.Empty(h.Handler.Requests);
    }
}
