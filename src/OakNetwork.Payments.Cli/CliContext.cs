using Spectre.Console;

namespace OakNetwork.Payments.Cli;

/// <summary>What every command needs from its surroundings: the writers, a console over stdout and the environment.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        Stdout = stdout;
        Stderr = stderr;
        Environment = environment;
        Console = CreateConsole(stdout);
        ErrorConsole = CreateConsole(stderr);
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    public Func<string, string?> Environment { get; }

    /// <summary>Spectre console writing to <see cref="Stdout"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Spectre console writing to <see cref="Stderr"/> (progress bars, so stdout stays clean for data).</summary>
    public IAnsiConsole ErrorConsole { get; }

    public bool Verbose { get; set; }

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var isRealTerminal = (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected)
            || (ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isRealTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isRealTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isRealTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isRealTerminal)
        {
            // Redirected output (a file, a pipe, a test): wide enough that ids and emails never wrap.
            console.Profile.Width = 240;
        }

        return console;
    }
}
