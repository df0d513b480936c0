<#
.SYNOPSIS
    Placeholder for the rolling-upgrade runbook (the examples engineer replaces it).
.DESCRIPTION
    Run it with the shell, which imports the module and connects to its embedded emulator:
        dotnet run --project src/ClassicDeploy.Shell -- examples/rolling-upgrade.ps1
    From pwsh: Import-Module ./out/ClassicDeploy; Start-ClassicDeployEmulator; ./examples/rolling-upgrade.ps1
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'

$commands = Get-Command -Module ClassicDeploy
"ClassicDeploy exports $(@($commands).Count) commands:"
$commands | ForEach-Object { '  ' + $_.Name }

$steps = 5
for ($i = 1; $i -le $steps; $i++) {
    Write-Progress -Activity 'Rolling upgrade (placeholder)' -Status "upgrade domain $i of $steps" -PercentComplete (100 * $i / $steps)
}
Write-Progress -Activity 'Rolling upgrade (placeholder)' -Completed
'Done.'
