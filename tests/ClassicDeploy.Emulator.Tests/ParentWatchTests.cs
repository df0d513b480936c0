using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>
/// --parent-pid, as Start-ClassicDeployEmulator passes it: the emulator leaves its parent's session
/// and process group (so a terminal's Ctrl+C, sent to the foreground process group, never reaches it)
/// and exits when the parent is gone, even after kill -9.
/// </summary>
public sealed class ParentWatchTests
{
    [Fact]
    public async Task The_emulator_exits_when_its_parent_is_killed_with_SIGKILL()
    {
        using Process parent = Sleeper();
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--in-memory", "--quiet", "--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using (var client = new HttpClient { BaseAddress = emulator.BaseAddress })
        {
            client.DefaultRequestHeaders.Add("x-ms-version", "2017-01-01");
            Assert.True((await client.GetAsync(Guid.NewGuid() + "/services/hostedservices")).IsSuccessStatusCode);
        }

        parent.Kill();

        // WaitForExitAsync is bounded (60 s): the emulator notices within its watch interval.
        Assert.Equal(0, await emulator.WaitForExitAsync());
    }

    [Fact]
    public async Task A_parent_that_is_already_gone_ends_the_emulator_at_once()
    {
        using Process parent = Sleeper();
        int id = parent.Id;
        parent.Kill();
        parent.WaitForExit();

        using var emulator = EmulatorProcess.Launch(new[] { "--port", "0", "--in-memory", "--quiet", "--parent-pid", id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(0, await emulator.WaitForExitAsync());
    }

    [Fact]
    public async Task With_a_parent_the_emulator_is_in_a_session_and_process_group_of_its_own()
    {
        Assert.True(OperatingSystem.IsLinux(), "This test reads /proc; the module starts the emulator without a console on Windows instead.");
        using Process parent = Sleeper();
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--in-memory", "--quiet", "--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        (int group, int session) = GroupAndSession(emulator.ProcessId);
        (int ourGroup, int ourSession) = GroupAndSession(Environment.ProcessId);

        Assert.Equal(emulator.ProcessId, session);
        Assert.Equal(emulator.ProcessId, group);
        Assert.NotEqual(ourSession, session);
        Assert.NotEqual(ourGroup, group);
        parent.Kill();
    }

    [Fact]
    public async Task Without_a_parent_the_emulator_stays_in_the_group_that_started_it()
    {
        Assert.True(OperatingSystem.IsLinux(), "This test reads /proc.");
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--in-memory", "--quiet");

        Assert.Equal(GroupAndSession(Environment.ProcessId), GroupAndSession(emulator.ProcessId));
    }

    /// <summary>A process to be the parent: sleeps until killed.</summary>
    private static Process Sleeper() =>
        Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;

    /// <summary>pgrp and session of a process, fields 5 and 6 of /proc/PID/stat (after the parenthesized name).</summary>
    private static (int Group, int Session) GroupAndSession(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
        return (int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
    }
}
