<#
.SYNOPSIS
    The main job in a fresh pwsh: import the built module, start the embedded emulator, run
    examples/rolling-upgrade.ps1 (the upgrade shows domain by domain), stop the emulator.
    build.ps1 -Task Demo builds the module and starts this script.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [double] $UpgradeDomainSeconds = 0.5
)

$ErrorActionPreference = 'Stop'
Import-Module $Module
$emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds $UpgradeDomainSeconds -PassThru
"Emulator listening on $($emulator.Endpoint) (process $($emulator.ProcessId)); the session is connected to it."
try {
    & (Join-Path $PSScriptRoot '../examples/rolling-upgrade.ps1')
}
finally {
    Stop-ClassicDeployEmulator
}
