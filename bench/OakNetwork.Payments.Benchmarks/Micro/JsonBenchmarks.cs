using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace OakNetwork.Payments.Benchmarks.Micro;

/// <summary>Serializing a create request: the SDK's model and context against a hand-written DTO.</summary>
[MemoryDiagnoser]
public class SerializeCreateRequestBenchmarks
{
    private readonly CreateCustomerRequest _sdk = SampleData.CreateRequest("maria.silva@example.com");
    private readonly RawCreateCustomer _raw = SampleData.RawCreateRequest("maria.silva@example.com");

    /// <summary>Plain System.Text.Json over a hand-written DTO (source-generated).</summary>
    /// <returns>The UTF-8 JSON.</returns>
    [Benchmark(Baseline = true)]
    public byte[] Raw() => JsonSerializer.SerializeToUtf8Bytes(_raw, RawJsonContext.Default.RawCreateCustomer);

    /// <summary>What the SDK does for a create (<c>OakRequest.Json</c>): the public model through its context.</summary>
    /// <returns>The UTF-8 JSON.</returns>
    [Benchmark]
    public byte[] Sdk() => JsonSerializer.SerializeToUtf8Bytes(_sdk, OakJsonContext.Default.CreateCustomerRequest);
}

/// <summary>Deserializing one customer envelope.</summary>
[MemoryDiagnoser]
public class DeserializeCustomerBenchmarks
{
    private readonly byte[] _json = SampleData.CustomerEnvelope;

    /// <summary>Plain System.Text.Json into a hand-written DTO.</summary>
    /// <returns>The customer's id.</returns>
    [Benchmark(Baseline = true)]
    public string? Raw() => JsonSerializer.Deserialize(_json, RawJsonContext.Default.CustomerEnvelope)!.Data!.Id;

    /// <summary>The SDK's envelope and model (extensible values, lenient numbers).</summary>
    /// <returns>The customer's id.</returns>
    [Benchmark]
    public string? Sdk() => JsonSerializer.Deserialize(_json, OakJsonContext.Default.CustomerResponse)!.Data.Id;
}

/// <summary>Deserializing a list page of 100 customers.</summary>
[MemoryDiagnoser]
public class DeserializeListPageBenchmarks
{
    private readonly byte[] _json = SampleData.ListPageEnvelope;

    /// <summary>Plain System.Text.Json into hand-written DTOs.</summary>
    /// <returns>The number of customers.</returns>
    [Benchmark(Baseline = true)]
    public int Raw() => JsonSerializer.Deserialize(_json, RawJsonContext.Default.ListEnvelope)!.Data!.CustomerList.Count;

    /// <summary>The SDK's page model.</summary>
    /// <returns>The number of customers.</returns>
    [Benchmark]
    public int Sdk() => JsonSerializer.Deserialize(_json, OakJsonContext.Default.CustomerListPageResponse)!.Data.CustomerList.Count;
}
