using System;
using System.IO;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Packaging;

/// <summary>
/// Our Polly.Core (8.6.5) and another module's Polly.Core (8.5.2, copied to other-polly/ by the test
/// project) in one real pwsh process, whose default load context, unlike this test host's, knows no
/// Polly.Core of its own.
/// </summary>
public sealed class DependencyIsolationTests : IAsyncLifetime
{
    private static readonly string OtherPolly = Path.Combine(AppContext.BaseDirectory, "other-polly", "Polly.Core.dll");
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    // Lists every Polly.Core in the process as "<file version>|<load context>".
    private const string ListPolly = """
        [AppDomain]::CurrentDomain.GetAssemblies() |
            Where-Object { $_.GetName().Name -eq 'Polly.Core' } |
            ForEach-Object { 'polly ' + [Diagnostics.FileVersionInfo]::GetVersionInfo($_.Location).FileVersion + '|' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
        """;

    private const string UseModule = """
        New-CloudService -ServiceName isolated -Location 'West Europe' | Out-Null
        'services ' + @(Get-CloudService).Count
        """;

    private TestEmulator? _emulator;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator!.DisposeAsync();

    [Fact]
    public async Task Another_Polly_loaded_after_the_module_keeps_its_own_version_and_ours_stays_private()
    {
        Assert.True(File.Exists(OtherPolly), OtherPolly);
        string script = Connect() + UseModule + $"\n$other = [Reflection.Assembly]::LoadFrom('{OtherPolly}')\n" +
            "'other ' + [Diagnostics.FileVersionInfo]::GetVersionInfo($other.Location).FileVersion\n" + UseModule.Replace("isolated", "isolated2") + "\n" + ListPolly;

        PwshResult result = await PwshProcess.RunAsync(script, Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("services 2", result.Output);
        Assert.Contains("other 8.5.2.", result.Output);
        Assert.Matches(@"polly 8\.6\.5\.\d+\|ClassicDeploy\.Dependencies", result.Output);
        Assert.Matches(@"polly 8\.5\.2\.\d+\|Default", result.Output);
    }

    [Fact]
    public async Task Another_Polly_loaded_before_the_module_does_not_break_our_cmdlets()
    {
        Assert.True(File.Exists(OtherPolly), OtherPolly);
        string script = $"$ErrorActionPreference = 'Stop'\n$other = [Reflection.Assembly]::LoadFrom('{OtherPolly}')\n" + Connect() + UseModule + "\n" + ListPolly;

        PwshResult result = await PwshProcess.RunAsync(script, Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("services 1", result.Output);
        Assert.Matches(@"polly 8\.5\.2\.\d+\|Default", result.Output);
    }

    private string Connect() =>
        $"$ErrorActionPreference = 'Stop'\nImport-Module '{PowerShellSession.Quote(TestRepository.ModuleManifest)}'\n" +
        $"Connect-ClassicDeploy -SubscriptionId '{Guid.NewGuid()}' -Endpoint '{_emulator!.Host.BaseAddress}'\n";

    [Fact]
    public void The_module_layout_keeps_dependencies_out_of_the_folder_PowerShell_probes()
    {
        string module = Path.GetDirectoryName(TestRepository.ModuleManifest)!;

        Assert.Equal(new[] { "ClassicDeploy.dll" }, Array.ConvertAll(Directory.GetFiles(module, "*.dll"), f => Path.GetFileName(f)));
        Assert.True(File.Exists(Path.Combine(module, "dependencies", "Polly.Core.dll")));
        Assert.True(File.Exists(Path.Combine(module, "dependencies", "Microsoft.Bcl.TimeProvider.dll")));
    }
}
