using BenchmarkDotNet.Running;
using OakNetwork.Payments.Benchmarks.Load;
using OakNetwork.Payments.Benchmarks.Serve;

namespace OakNetwork.Payments.Benchmarks;

/// <summary>
/// <c>load …</c> runs the load runner, <c>coldstart</c> the cold-client token check, <c>plans</c> the SQLite query
/// plans of the list filters, <c>serve …</c> is the emulator child process the load runner starts; anything else
/// goes to BenchmarkDotNet (for example <c>--filter *</c>).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "";
        var rest = args.Skip(1).ToArray();
        switch (verb)
        {
            case "load":
                return await LoadCommand.RunAsync(rest).ConfigureAwait(false);
            case "coldstart":
                return await ColdStartCommand.RunAsync(rest).ConfigureAwait(false);
            case "plans":
                return await QueryPlanCommand.RunAsync(rest).ConfigureAwait(false);
            case "serve":
                return await ServeCommand.RunAsync(rest).ConfigureAwait(false);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
