using System.Collections.Concurrent;
using System.Diagnostics;
using OakNetwork.Payments.Emulator.Hosting;

namespace OakNetwork.Payments.Samples.Tests;

/// <summary>Against a real server, the HttpClient's own spans are children of the SDK's operation span.</summary>
public sealed class HttpSpanParentingTests
{
    private const string TestSourceName = "OakNetwork.Payments.Samples.Tests.HttpSpanParenting";

    [Fact]
    public async Task The_http_client_spans_of_an_operation_are_its_children()
    {
        await using var emulator = await OakEmulator.StartAsync(new EmulatorOptions { Port = 0, InMemory = true });
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is OakTelemetry.SourceName or "System.Net.Http" or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = new OakClient(new OakClientOptions { BaseUrl = emulator.BaseUrl, ClientId = emulator.ClientId, ClientSecret = emulator.ClientSecret });

        // The listener hears every test running in this process at the same time: a root span of this test's own
        // marks the trace to look at.
        using var testSource = new ActivitySource(TestSourceName);
        ActivityTraceId trace;
        OakResult<ApiResponse<Customer>> result;
        using (var root = testSource.StartActivity("test")!)
        {
            trace = root.TraceId;
            result = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = "span@example.com" });
        }

        Assert.True(result.Ok, result.Error?.ToString());
        var operation = Assert.Single(stopped, a => a.OperationName == "customers.create" && a.Source.Name == OakTelemetry.SourceName && a.TraceId == trace);
        Assert.Equal(ActivityStatusCode.Ok, operation.Status);
        var children = stopped.Where(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == operation.SpanId).ToList();

        // The token grant and the create: two HTTP client spans under the one operation span, same trace.
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal(operation.TraceId, c.TraceId));
        Assert.Contains(children, c => Equals(c.GetTagItem("url.full")?.ToString()?.EndsWith("/api/v1/customers", StringComparison.Ordinal), true));
    }
}
