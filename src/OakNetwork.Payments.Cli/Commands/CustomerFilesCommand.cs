using System.CommandLine;
using OakNetwork.Payments.Cli.Client;
using OakNetwork.Payments.Cli.Output;

namespace OakNetwork.Payments.Cli.Commands;

/// <summary><c>oak customers files upload|list</c>: a customer's KYC documents.</summary>
internal static class CustomerFilesCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Command("files", "Upload and list a customer's KYC documents (PDF, JPEG or PNG, at most 5 MiB each).");
        files.Subcommands.Add(UploadCommand(context));
        files.Subcommands.Add(ListCommand(context));
        return files;
    }

    private static Command UploadCommand(CliContext context)
    {
        var command = new Command("upload", "Upload one to ten files for a customer.");
        var id = CustomersCommand.IdArgument();
        var paths = new Argument<FileInfo[]>("files") { Description = "The files to upload.", Arity = ArgumentArity.OneOrMore };
        var fileType = new Option<string?>("--file-type") { Description = "SSN_BACK, SSN_FRONT, CPF_DOCUMENT, PASSPORT or ADDRESS_PROOF (applies to every file)." };
        command.Arguments.Add(id);
        command.Arguments.Add(paths);
        command.Options.Add(fileType);
        command.SetAction(async (parse, ct) =>
        {
            var files = parse.GetValue(paths) ?? [];
            foreach (var file in files)
            {
                if (!file.Exists)
                {
                    throw new CliException($"File not found: {file.FullName}", ExitCodes.Usage);
                }
            }

            var type = parse.GetValue(fileType);
            var streams = new List<FileStream>();
            try
            {
                var uploads = new List<CustomerFileUpload>();
                foreach (var file in files)
                {
                    var stream = file.OpenRead();
                    streams.Add(stream);
                    uploads.Add(new CustomerFileUpload(file.Name, stream)
                    {
                        ContentType = ContentTypeOf(file.Name),
                        FileType = type is null ? (CustomerFileType?)null : new CustomerFileType(type),
                    });
                }

                using var session = ApiSessionFactory.Open(parse, context);
                var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
                var capture = renderer.BeginCall();
                var result = await session.Customers.UploadFilesAsync(parse.GetRequiredValue(id), uploads, null, ct).ConfigureAwait(false);
                return renderer.Print(result, capture, Renderer.FilesTable);
            }
            finally
            {
                foreach (var stream in streams)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "List a customer's files, newest first, with download links (valid 15 minutes).");
        var id = CustomersCommand.IdArgument();
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            using var session = ApiSessionFactory.Open(parse, context);
            var renderer = new Renderer(context, GlobalOptions.GetFormat(parse), session.Settings.EffectiveBaseUrl);
            var capture = renderer.BeginCall();
            var result = await session.Customers.GetFilesAsync(parse.GetRequiredValue(id), null, ct).ConfigureAwait(false);
            return renderer.Print(result, capture, Renderer.FilesTable);
        });
        return command;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        _ => "application/octet-stream", // the server judges the content by its bytes
    };
}
