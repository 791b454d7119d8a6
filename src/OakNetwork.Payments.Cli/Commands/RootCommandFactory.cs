using System.CommandLine;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary>Builds the <c>oak</c> command tree.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("oak: the Oak Payments Customers API from a terminal, with an embedded emulator.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(EmulatorCommand.Create(context));
        root.Subcommands.Add(CustomersCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        return root;
    }
}
