<#
.SYNOPSIS
    Runs the Pester suite in this (fresh) pwsh process; build.ps1 starts it as a child process so
    that none of build.ps1's settings (strict mode, preference variables) reach the tests.
.PARAMETER PesterModule
    Path to Pester.psd1 (build.ps1 restores the pinned package into out/tools/).
.PARAMETER Path
    Test files or folders (also several in one argument, separated by the path separator, as
    build.ps1 passes them to pwsh -File); tests/pester by default.
.PARAMETER ResultFile
    Where to write the counts as JSON ({ Passed, Failed, Skipped }) for build.ps1's summary.
#>
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [string[]] $Path = @(Join-Path $PSScriptRoot '../tests/pester'),
    [string] $ResultFile,
    [string] $Verbosity = 'Detailed'
)

$Path = @($Path | ForEach-Object { $_ -split [regex]::Escape([IO.Path]::PathSeparator) } | Where-Object { $_ })
# -ErrorAction, not $ErrorActionPreference: a preference set here would reach the tests.
Import-Module $PesterModule -Force -ErrorAction Stop
$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.Exit = $false
$config.Run.PassThru = $true
$config.Output.Verbosity = $Verbosity
if ($env:CI -eq 'true') { $config.Output.RenderMode = 'Plaintext' }
$result = Invoke-Pester -Configuration $config

# A file that fails to load counts as a failure; so does a failing AfterAll (its tests passed).
$failed = $result.FailedCount + $result.FailedContainersCount
if ($failed -eq 0 -and $result.Result -ne 'Passed') { $failed = [Math]::Max(1, $result.FailedBlocksCount) }
if ($ResultFile) {
    [ordered]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
        ConvertTo-Json -Compress | Set-Content -Path $ResultFile -Encoding utf8
}
exit ([int]($failed -gt 0 -or $result.Result -ne 'Passed'))
