using System;
using ClassicDeploy.Emulator;
using ClassicDeploy.Emulator.CommandLine;

try
{
    return await EmulatorCommandLine.InvokeAsync(args, Console.Out, Console.Error, EmulatorMain.RunAsync).ConfigureAwait(false);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Whatever stops the start (certificate, address, data directory) is one line and exit 2, never a crash dump.
    Console.Error.WriteLine(EmulatorMain.Describe(e));
    return EmulatorCommandLine.UsageError;
}
