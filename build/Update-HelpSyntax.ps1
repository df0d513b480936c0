<#
.SYNOPSIS
    Rewrites the SYNTAX sections of en-US/ClassicDeploy.dll-Help.xml from the built cmdlets.
.DESCRIPTION
    For every cmdlet in the help file, one syntax item per parameter set of Get-Command, in the
    order PowerShell lists them (default set first). Each parameter is copied from the help's
    PARAMETERS section (type, value names, default) without its description, with required,
    position and pipeline input as that set declares them. Descriptions stay where they are, so
    after adding or changing a parameter: document it under PARAMETERS, build, run this script.
    The test UserExperience/HelpTests fails while help and the cmdlets disagree.
.EXAMPLE
    dotnet build src/ClassicDeploy -p:LayoutEmulator=false; dotnet pwsh -NoProfile -File build/Update-HelpSyntax.ps1
#>
[CmdletBinding()]
param(
    [string] $HelpFile = (Join-Path $PSScriptRoot '../src/ClassicDeploy/en-US/ClassicDeploy.dll-Help.xml'),
    [string] $Module = (Join-Path $PSScriptRoot '../out/ClassicDeploy/ClassicDeploy.psd1')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $Module -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters

function Get-PipelineInput([System.Management.Automation.CommandParameterInfo] $set) {
    $kinds = @()
    if ($set.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($set.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { 'True (' + ($kinds -join ', ') + ')' } else { 'False' }
}

$text = [IO.File]::ReadAllText($HelpFile)
$commandPattern = [regex] '(?s)<command:command .*?</command:command>'
$text = $commandPattern.Replace($text, {
        param($match)
        $block = $match.Value
        $name = [regex]::Match($block, '<command:name>([^<]+)</command:name>').Groups[1].Value
        $command = Get-Command $name -Module ClassicDeploy
        $parametersSection = [regex]::Match($block, '(?s)<command:parameters>.*?</command:parameters>').Value
        $documented = [ordered]@{}
        foreach ($p in [regex]::Matches($parametersSection, '(?s)(?<indent>[ ]*)<command:parameter [^>]*>\s*<maml:name>(?<name>[^<]+)</maml:name>.*?</command:parameter>')) {
            $documented[$p.Groups['name'].Value] = $p.Value.Substring($p.Groups['indent'].Length)
        }
        $order = @($documented.Keys)
        $sets = @($command.ParameterSets | Sort-Object { -not $_.IsDefault })
        $items = foreach ($set in $sets) {
            $parameters = @($set.Parameters | Where-Object { $common -notcontains $_.Name } |
                    Sort-Object { if ($_.Position -ge 0) { $_.Position } else { [int]::MaxValue } }, { -not $_.IsMandatory }, { [array]::IndexOf($order, $_.Name) })
            $lines = foreach ($p in $parameters) {
                if (-not $documented.Contains($p.Name)) { throw "$name -$($p.Name) is not documented under PARAMETERS in $HelpFile." }
                $position = if ($p.Position -ge 0) { [string]$p.Position } else { 'named' }
                $element = $documented[$p.Name] -replace '(?s)\s*<maml:description>.*?</maml:description>', ''
                $element = [regex]::Replace($element, '^<command:parameter [^>]*>', {
                        param($open)
                        $open.Value -replace 'required="[^"]*"', ('required="' + $p.IsMandatory.ToString().ToLowerInvariant() + '"') `
                            -replace 'position="[^"]*"', ('position="' + $position + '"') `
                            -replace 'pipelineInput="[^"]*"', ('pipelineInput="' + (Get-PipelineInput $p) + '"')
                    })
                # The PARAMETERS section indents a parameter by 6 blanks, SYNTAX by 8.
                $elementLines = $element -split "`r?`n"
                (@('        ' + $elementLines[0]) + @($elementLines | Select-Object -Skip 1 | ForEach-Object { '  ' + $_ })) -join "`n"
            }
            "      <command:syntaxItem>`n        <maml:name>$name</maml:name>`n" + (@($lines) -join "`n") + "`n      </command:syntaxItem>"
        }
        $syntax = "<command:syntax>`n" + ($items -join "`n") + "`n    </command:syntax>"
        [regex]::Replace($block, '(?s)<command:syntax>.*?</command:syntax>', { param($m) $syntax })
    })
[IO.File]::WriteAllText($HelpFile, $text)
Write-Host "Rewrote the syntax of $(@($commandPattern.Matches($text)).Count) cmdlets in $HelpFile"
