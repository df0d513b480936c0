using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClassicDeploy.Cmdlets;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>Start-/Stop-ClassicDeployEmulator run the emulator laid out in out/ClassicDeploy/emulator as a child process.</summary>
public sealed class EmulatorCmdletTests : IDisposable
{
    private readonly ConsoleSession _console = ConsoleSession.Open();

    public void Dispose() => _console.Dispose();

    [Fact]
    public void StartConnectsTheSessionAndStopEndsTheProcess()
    {
        EmulatorInstance emulator = Start();
        Assert.True(emulator.Endpoint.IsLoopback, emulator.Endpoint.ToString());
        Assert.False(emulator.HasExited);
        Assert.Null(emulator.DataDirectory);
        _console.SetVariable("emulator", emulator);
        string shown = _console.Show("$emulator");
        Assert.Matches(new Regex(@"^\s*PID\s+Endpoint\s+Store\s+SubscriptionId\s*$", RegexOptions.Multiline), shown);
        Assert.Matches(new Regex($@"^\s*{emulator.ProcessId}\s+{Regex.Escape(emulator.Endpoint.ToString())}\s+in memory\s+{emulator.SubscriptionId}\s*$", RegexOptions.Multiline), shown);

        // No Connect-ClassicDeploy: Start-ClassicDeployEmulator connected the session.
        ScriptResult created = _console.Run("New-CloudService -ServiceName started -Location 'West Europe'; (Get-CloudService -ServiceName started).ServiceName");
        created.ShouldSucceed();
        Assert.Equal("started", created.Output.Last().ToString());

        _console.Run("Stop-ClassicDeployEmulator").ShouldSucceed();

        Assert.True(ProcessEnded(emulator.ProcessId));
        Assert.True(emulator.HasExited);
        Assert.NotEmpty(_console.Run("Get-CloudService").Errors);
    }

    [Fact]
    public void ClosingTheRunspaceEndsTheEmulator()
    {
        EmulatorInstance emulator = Start();

        _console.Runspace.Close();

        Assert.True(ProcessEnded(emulator.ProcessId));
    }

    [Fact]
    public void StopTakesEmulatorsFromThePipelineAndLeavesTheOthersRunning()
    {
        EmulatorInstance first = Start();
        EmulatorInstance second = Start();
        _console.SetVariable("first", first);

        _console.Run("$first | Stop-ClassicDeployEmulator").ShouldSucceed();

        Assert.True(ProcessEnded(first.ProcessId));
        Assert.False(second.HasExited);
        // The session is connected to the emulator started last.
        _console.Run("Get-CloudService").ShouldSucceed();
    }

    [Fact]
    public void DataDirectoryKeepsTheStateAcrossARestart()
    {
        string data = Path.Combine(Path.GetTempPath(), "classicdeploy-ux-" + Guid.NewGuid().ToString("N"));
        try
        {
            _console.SetVariable("data", data);
            string subscription = Guid.NewGuid().ToString();
            _console.SetVariable("sub", subscription);
            EmulatorInstance before = Start("-DataDirectory $data -SubscriptionId $sub");
            Assert.Equal(data, before.DataDirectory);
            _console.Run("New-CloudService -ServiceName durable -Location 'West Europe'").ShouldSucceed();
            _console.Run("Stop-ClassicDeployEmulator").ShouldSucceed();
            Assert.True(ProcessEnded(before.ProcessId));

            Start("-DataDirectory $data -SubscriptionId $sub");
            ScriptResult after = _console.Run("(Get-CloudService -ServiceName durable).ServiceName");

            after.ShouldSucceed();
            Assert.Equal("durable", after.Single().ToString());
        }
        finally
        {
            _console.Run("Stop-ClassicDeployEmulator");
            if (Directory.Exists(data))
            {
                Directory.Delete(data, true);
            }
        }
    }

    [Fact]
    public void APortInUseIsAStartFailureWithTheEmulatorsReason()
    {
        EmulatorInstance first = Start();
        _console.SetVariable("port", first.Endpoint.Port);

        ScriptResult second = _console.Run("Start-ClassicDeployEmulator -Port $port -PassThru");

        Assert.Empty(second.Output);
        Assert.Equal("ClassicDeploy.EmulatorStartFailed,ClassicDeploy.Cmdlets.StartClassicDeployEmulatorCommand", second.ErrorIds.Single());
        Assert.Contains("exited before it was listening", second.Errors.Single().Exception.Message);
    }

    [Fact]
    public void AMissingEmulatorIsAClearError()
    {
        string empty = Directory.CreateTempSubdirectory("classicdeploy-ux-").FullName;
        try
        {
            _console.SetVariable("empty", empty);

            ScriptResult result = _console.Run("Start-ClassicDeployEmulator -EmulatorPath $empty");

            Assert.Equal("ClassicDeploy.EmulatorNotFound,ClassicDeploy.Cmdlets.StartClassicDeployEmulatorCommand", result.ErrorIds.Single());
            Assert.Contains(empty, result.Errors.Single().Exception.Message);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void WhatIfStartsNothing()
    {
        ScriptResult result = _console.Run("Start-ClassicDeployEmulator -PassThru -WhatIf");

        result.ShouldSucceed();
        Assert.Empty(result.Output);
        Assert.Contains("ClassicDeploy.NotConnected", _console.Run("Get-CloudService").ErrorIds.Single());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("/path with spaces/emulator.dll", "\"/path with spaces/emulator.dll\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\data dir\", "\"C:\\data dir\\\\\"")]
    [InlineData("", "\"\"")]
    public void ArgumentsAreQuotedForTheCommandLine(string argument, string expected)
    {
        Assert.Equal(expected, EmulatorLauncher.QuoteArgument(argument));
    }

    private EmulatorInstance Start(string arguments = "")
    {
        ScriptResult result = _console.Run("Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -PassThru " + arguments, TimeSpan.FromSeconds(90));
        result.ShouldSucceed();
        return (EmulatorInstance)result.Single().BaseObject;
    }

    private static bool ProcessEnded(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return process.WaitForExit(15000);
        }
        catch (ArgumentException)
        {
            return true; // already gone
        }
    }
}
