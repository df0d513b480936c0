using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// The Pester files in tests/pester cannot run here (no pwsh, no Pester), so they run under
/// PesterShim.ps1, a minimal stand-in: every It must pass against its own Start-ClassicDeployEmulator.
/// </summary>
public sealed class PesterFilesTests : IDisposable
{
    // The top-level BeforeAll is dot-sourced (". {") so that what it defines is seen by the It blocks,
    // as Pester's scoping would; AfterAll blocks run at the end.
    private const string Runner = @"
$text = [IO.File]::ReadAllText($__file).Replace('$PSScriptRoot', ""'"" + $__folder + ""'"")
$at = $text.IndexOf('BeforeAll {')
$text = $text.Substring(0, $at) + '. {' + $text.Substring($at + 'BeforeAll {'.Length)
try { . ([scriptblock]::Create($text)) }
finally { foreach ($block in $global:__afterAll) { . $block } }
$global:__results
";

    private readonly ConsoleSession _console = ConsoleSession.Open();

    public static IEnumerable<object[]> Files => new[] { "Connection", "Deployment", "Upgrade", "MonitoredUpgrade", "SlotAndRollback", "Operation", "Emulator" }
        .Select(f => new object[] { f + ".Tests.ps1" });

    public void Dispose() => _console.Dispose();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryItPasses(string file)
    {
        string folder = Path.Combine(TestRepository.Root, "tests", "pester");
        string path = Path.Combine(folder, file);
        string shim = Path.Combine(TestRepository.Root, "tests", "ClassicDeploy.Tests", "UserExperience", "PesterShim.ps1");
        _console.SetVariable("__file", path);
        _console.SetVariable("__folder", folder);
        _console.Run(File.ReadAllText(shim)).ShouldSucceed();

        ScriptResult result = _console.Run(Runner, TimeSpan.FromMinutes(3));

        result.ShouldSucceed();
        string[] lines = result.Output.Select(o => o.ToString()).ToArray();
        int its = Regex.Matches(File.ReadAllText(path), @"^\s*It '", RegexOptions.Multiline).Count;
        Assert.True(lines.Length == its && lines.All(l => l.StartsWith("PASS", StringComparison.Ordinal)),
            $"{its} It blocks in {file}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }
}
