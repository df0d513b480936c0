using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>Get-Help for every exported cmdlet comes from en-US/ClassicDeploy.dll-Help.xml and matches the compiled cmdlet.</summary>
public sealed class HelpTests : IDisposable
{
    public static readonly string[] ExportedCmdlets =
    {
        "Connect-ClassicDeploy", "Get-ClassicDeployContext", "Disconnect-ClassicDeploy", "Get-CloudService", "New-CloudService", "Get-Deployment", "New-Deployment", "Remove-Deployment",
        "Invoke-UpgradeDeployment", "Step-UpgradeDomain", "Set-DeploymentConfiguration", "Switch-DeploymentSlot",
        "Undo-DeploymentUpgrade", "Get-DeploymentOperation", "Wait-DeploymentOperation",
        "Start-ClassicDeployEmulator", "Stop-ClassicDeployEmulator",
    };

    // Checks one cmdlet's help against its metadata; emits one line per problem.
    private const string CheckHelp = @"
param($name)
$cmd = Get-Command $name -ErrorAction Stop
$help = Get-Help $name -Full
$text = { param($paras) (@($paras) | ForEach-Object { $_.Text }) -join ' ' }
if (-not $help.Synopsis -or $help.Synopsis.Trim().StartsWith($name)) { 'no synopsis (Get-Help generated one from the syntax)' }
if (-not (& $text $help.description)) { 'no description' }
if (@($help.examples.example).Count -lt 2) { 'fewer than two examples' }
foreach ($e in @($help.examples.example)) { if (-not $e.code) { 'an example without code' } if (-not (& $text $e.remarks)) { 'an example without remarks' } }
if (-not $help.inputTypes.inputType) { 'no inputs' }
if (-not $help.returnValues.returnValue) { 'no outputs' }
if (-not $help.relatedLinks.navigationLink) { 'no related links' }
$documented = @{}
foreach ($p in @($help.parameters.parameter)) { if ($p) { $documented[$p.name] = $p } }
$common = [System.Management.Automation.Cmdlet]::CommonParameters
foreach ($p in $cmd.Parameters.Values) {
    if ($common -contains $p.Name) { continue }
    $d = $documented[$p.Name]
    if (-not $d) { ""-$($p.Name) is not documented""; continue }
    if (-not (& $text $d.description)) { ""-$($p.Name) has no description"" }
    $type = $p.ParameterType; if ([Nullable]::GetUnderlyingType($type)) { $type = [Nullable]::GetUnderlyingType($type) }
    if ($d.type.name -ne $type.FullName) { ""-$($p.Name) is documented as $($d.type.name) but is $($type.FullName)"" }
    $mandatory = @($p.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -eq 0
    if (($d.required -eq 'true') -ne $mandatory) { ""-$($p.Name) is documented with required=$($d.required)"" }
    $piped = @($p.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName }).Count -gt 0
    if ($d.pipelineInput.StartsWith('True') -ne $piped) { ""-$($p.Name) is documented with pipeline input '$($d.pipelineInput)'"" }
}
foreach ($k in $documented.Keys) { if (-not $cmd.Parameters.ContainsKey($k)) { ""-$k is documented but does not exist"" } }
";

    // One line per parameter set, from the cmdlet ("code:") and from help's SYNTAX ("help:"):
    // the set's parameters by name, "!" for mandatory, "@n" for a position.
    private const string Signatures = @"
param($name)
$common = [System.Management.Automation.Cmdlet]::CommonParameters
foreach ($set in (Get-Command $name).ParameterSets) {
    'code:' + ((@($set.Parameters) | Where-Object { $common -notcontains $_.Name } | ForEach-Object {
        '-' + $_.Name + $(if ($_.IsMandatory) { '!' }) + $(if ($_.Position -ge 0) { '@' + $_.Position }) }) -join ' ')
}
foreach ($item in @((Get-Help $name -Full).syntax.syntaxItem)) {
    'help:' + ((@($item.parameter) | Where-Object { $_ } | ForEach-Object {
        '-' + $_.name + $(if ($_.required -eq 'true') { '!' }) + $(if ($_.position -ne 'named') { '@' + $_.position }) }) -join ' ')
}
";

    private readonly ConsoleSession _console = ConsoleSession.Open();

    public static IEnumerable<object[]> Cmdlets => ExportedCmdlets.Select(c => new object[] { c });

    public void Dispose() => _console.Dispose();

    [Fact]
    public void TheModuleExportsExactlyTheDocumentedCmdlets()
    {
        ScriptResult result = _console.Run("Get-Command -Module ClassicDeploy | ForEach-Object { $_.Name }");

        Assert.Equal(ExportedCmdlets.OrderBy(n => n), result.Output.Select(o => o.ToString()).OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void HelpDocumentsTheCmdletAndEveryParameter(string cmdlet)
    {
        _console.SetVariable("__name", cmdlet);
        _console.SetVariable("__check", CheckHelp);
        ScriptResult result = _console.Run("& ([scriptblock]::Create($__check)) $__name");
        result.ShouldSucceed();

        Assert.True(result.Output.Count == 0, cmdlet + ": " + string.Join("; ", result.Output));
    }

    /// <summary>
    /// Help's SYNTAX shows exactly the cmdlet's parameter sets: the same parameters, mandatory and
    /// positional as the cmdlet declares them. After changing a cmdlet's parameters, document them
    /// under PARAMETERS and run build/Update-HelpSyntax.ps1.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void HelpSyntaxShowsExactlyTheCmdletsParameterSets(string cmdlet)
    {
        _console.SetVariable("__name", cmdlet);
        _console.SetVariable("__signatures", Signatures);
        string[] lines = _console.Run("& ([scriptblock]::Create($__signatures)) $__name").ShouldSucceed().Output.Select(o => o.ToString()).ToArray();

        string[] code = Sets(lines, "code:");
        string[] help = Sets(lines, "help:");
        Assert.True(
            code.SequenceEqual(help),
            $"{cmdlet}: help SYNTAX differs from Get-Command (run build/Update-HelpSyntax.ps1).{Environment.NewLine}" +
            $"cmdlet:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", code)}{Environment.NewLine}help:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", help)}");
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void ExamplesParseAndUseOnlyRealParameters(string cmdlet)
    {
        _console.SetVariable("__name", cmdlet);
        ScriptResult result = _console.Run("@((Get-Help $__name -Full).examples.example) | ForEach-Object { $_.code }");
        result.ShouldSucceed();
        Assert.NotEmpty(result.Output);

        var problems = new List<string>();
        foreach (string code in result.Output.Select(o => o.ToString()))
        {
            Ast ast = Parser.ParseInput(code, out _, out ParseError[] errors);
            problems.AddRange(errors.Select(e => $"'{code}' does not parse: {e.Message}"));
            foreach (CommandAst command in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
            {
                string? name = command.GetCommandName();
                if (name == null || !ExportedCmdlets.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                problems.AddRange(UnknownParameters(name, command).Select(p => $"'{code}': {name} has no parameter -{p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void GetHelpPrintsTheHelpPageInTheConsole()
    {
        string text = _console.Show("Get-Help Step-UpgradeDomain -Full");

        Assert.Contains("SYNOPSIS", text);
        Assert.Contains("Walks the next upgrade domain of a manual upgrade", text);
        Assert.Contains("-All", text);
        Assert.Contains("Get-Deployment contoso-web -Slot Production | Step-UpgradeDomain -All -Wait", text);
    }

    [Fact]
    public void AboutTopicIsFound()
    {
        ScriptResult result = _console.Run("Get-Help about_ClassicDeploy");
        result.ShouldSucceed();

        string text = string.Concat(result.Output.Select(o => o.ToString()));
        Assert.Contains("about_ClassicDeploy", text);
        Assert.Contains("Step-UpgradeDomain", text);
    }

    /// <summary>The parameter sets with this prefix, each as its parameters in name order, in order.</summary>
    private static string[] Sets(IEnumerable<string> lines, string prefix) =>
        lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => string.Join(" ", l.Substring(prefix.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderBy(p => p, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToArray();

    private IEnumerable<string> UnknownParameters(string cmdlet, CommandAst command)
    {
        _console.SetVariable("__name", cmdlet);
        ScriptResult result = _console.Run("(Get-Command $__name).Parameters.Values | ForEach-Object { $_.Name; $_.Aliases }");
        string[] known = result.Output.Select(o => o.ToString()).ToArray();
        return command.CommandElements.OfType<CommandParameterAst>()
            .Select(p => p.ParameterName)
            .Where(p => !known.Any(k => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
    }
}
