using System.Text.Json;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Export;

/// <summary>
/// Writes every matching customer as it arrives from <see cref="CustomerService.ListAutoPagingAsync"/>: one page in
/// memory at a time, whatever the total.
/// </summary>
internal static class CustomerExporter
{
    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<Customer> customers, TextWriter writer, CancellationToken cancellationToken)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRecord(CustomerColumns.All.Select(c => c.Name));
        long count = 0;
        await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            csv.WriteRecord(CustomerColumns.All.Select(c => c.Get(customer)));
            if (++count % 100 == 0)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public static async Task<long> WriteJsonAsync(IAsyncEnumerable<Customer> customers, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync('[').ConfigureAwait(false);
        long count = 0;
        await foreach (var customer in customers.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(count == 0 ? "\n  " : ",\n  ").ConfigureAwait(false);
            await writer.WriteAsync(JsonSerializer.Serialize(customer, JsonOutput.ModelOptions)).ConfigureAwait(false);
            if (++count % 100 == 0)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.WriteAsync(count == 0 ? "]\n" : "\n]\n").ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }
}
