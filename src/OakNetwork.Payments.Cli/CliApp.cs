using System.CommandLine;
using OakNetwork.Payments.Cli.Commands;

namespace OakNetwork.Payments.Cli;

/// <summary>
/// The <c>oak</c> command line, runnable in-process: <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>
/// parses the arguments, runs the command and returns the exit code, writing only to the given writers.
/// </summary>
public static class CliApp
{
    /// <summary>Runs <c>oak</c> with the process environment (for the <c>OAK_*</c> variables).</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The exit code: 0 success, 1 the operation failed, 2 bad usage or configuration.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        => RunAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Runs <c>oak</c> reading the <c>OAK_*</c> variables through <paramref name="environment"/>.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors and progress go.</param>
    /// <param name="environment">Looks up an environment variable (tests pass their own).</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The exit code: 0 success, 1 the operation failed, 2 bad usage or configuration.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);

        var context = new CliContext(stdout, stderr, environment);
        var root = RootCommandFactory.Create(context);
        var parseResult = root.Parse(args);
        context.Verbose = parseResult.GetValue(GlobalOptions.Verbose);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            var commandPath = string.Join(' ', CommandPath(parseResult.CommandResult));
            await stderr.WriteLineAsync($"Run '{commandPath} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Canceled.").ConfigureAwait(false);
            return 130;
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
#pragma warning disable CA1031 // The last line of defence: a person gets a message, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"Unexpected error: {e.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync(context.Verbose ? e.ToString() : "Run again with --verbose for details.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static Stack<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = (System.CommandLine.Parsing.SymbolResult?)result; current is not null; current = current.Parent)
        {
            if (current is System.CommandLine.Parsing.CommandResult command)
            {
                names.Push(command.Command is RootCommand ? "oak" : command.Command.Name);
            }
        }

        return names;
    }
}
