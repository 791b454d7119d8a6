using OakNetwork.Payments.Emulator.Hosting;

return await EmulatorProgram.RunAsync(args, CancellationToken.None).ConfigureAwait(false);
