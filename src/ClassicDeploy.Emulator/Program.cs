using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

try
{
    var commandLine = EmulatorCommandLine.Parse(args);
    if (commandLine.Help)
    {
        Console.Out.WriteLine(EmulatorCommandLine.Usage);
        return 0;
    }

    var options = commandLine.Options;
    var output = Console.Out;
    if (!commandLine.Quiet)
    {
        options.Log = line =>
        {
            lock (output)
            {
                output.WriteLine(line);
            }
        };
    }

    var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }

    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    await using var host = await EmulatorHost.StartAsync(options).ConfigureAwait(false);
    lock (output)
    {
        output.WriteLine($"ClassicDeploy emulator listening on {host.BaseAddress}");
        output.Flush();
    }

    await stop.Task.ConfigureAwait(false);
    await host.StopAsync().ConfigureAwait(false);
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (CryptographicException)
{
    Console.Error.WriteLine("A certificate could not be loaded (wrong path, format or password).");
    return 2;
}
