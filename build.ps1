<#
.SYNOPSIS
    The one entry point: builds, tests, demonstrates and packages ClassicDeploy.
.DESCRIPTION
    On a machine with only the .NET SDK:

        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo   # the main job
        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test   # every test

    Build   : dotnet build ClassicDeploy.sln (lays out out/ClassicDeploy, the importable module)
    Test    : the xunit suites (dotnet test ClassicDeploy.sln) and the Pester suite (tests/pester)
              under real pwsh; the last line is "N passed, N failed, N skipped" summing both
    Pester  : the Pester suite alone, against the built module (builds it if missing)
    Demo    : builds the module, imports it in a fresh pwsh, starts the embedded emulator with
              Start-ClassicDeployEmulator and runs examples/rolling-upgrade.ps1
    Package : out/ClassicDeploy as artifacts/ClassicDeploy-<version>.zip and, with
              Compress-PSResource, artifacts/ClassicDeploy.<version>.nupkg
    All     : Build, Test, Package

    Pester is restored from the Pester NuGet package at a pinned version (build/pester) into
    out/tools/; nothing is fetched from a gallery. Pester and the demo run in child pwsh processes
    (-NoProfile), so none of this script's settings reach the code they run.
    Every task exits with a non-zero code when anything in it fails.
.PARAMETER PesterPath
    With -Task Pester: test files or folders to run instead of the whole tests/pester.
.PARAMETER PesterVersion
    The Pester package to restore and run (6.2.0; the suite is valid Pester 5 as well).
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Pester -PesterPath tests/pester/Upgrade.Tests.ps1
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -Configuration Debug
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Demo', 'Package', 'All')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string[]] $PesterPath,

    [string] $PesterVersion = '6.2.0'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'ClassicDeploy.sln'
$moduleProject = Join-Path $root 'src/ClassicDeploy/ClassicDeploy.csproj'
$moduleManifest = Join-Path $root 'out/ClassicDeploy/ClassicDeploy.psd1'
$artifacts = Join-Path $root 'artifacts'
$script:Counts = $null

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    if (-not (Get-Command dotnet -ErrorAction Ignore)) {
        throw 'The .NET SDK (dotnet) was not found on PATH. Install the .NET 10 SDK and run build.ps1 again.'
    }
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

function Invoke-ChildPwsh {
    # A fresh pwsh (the one running this script: the local tool under `dotnet pwsh`, or an installed
    # pwsh), so that no strict mode, preference variable or imported module of this script leaks in.
    # It shares this console (progress bars and colours as in any pwsh); returns its exit code.
    param([Parameter(Mandatory)] [string[]] $Arguments)
    $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($start.FileName) -eq 'dotnet') {
        $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    }
    $start.ArgumentList.Add('-NoProfile')
    foreach ($argument in $Arguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $root
    $process = [Diagnostics.Process]::Start($start)
    try {
        $process.WaitForExit()
        $process.ExitCode
    }
    finally {
        $process.Dispose()
    }
}

function Add-Counts {
    param([int] $Passed, [int] $Failed, [int] $Skipped)
    if (-not $script:Counts) { $script:Counts = @{ Passed = 0; Failed = 0; Skipped = 0 } }
    $script:Counts.Passed += $Passed
    $script:Counts.Failed += $Failed
    $script:Counts.Skipped += $Skipped
}

function Invoke-Build {
    Invoke-Dotnet -Arguments @('build', $solution, '-c', $Configuration)
}

function Invoke-ModuleBuild {
    # The module project alone lays out out/ClassicDeploy with the emulator.
    Invoke-Dotnet -Arguments @('build', $moduleProject, '-c', $Configuration)
}

function Invoke-XunitSuites {
    # Echo dotnet test's output and add up its per-project lines:
    # "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..."
    $arguments = @('test', $solution, '-c', $Configuration)
    Write-Host "dotnet $($arguments -join ' ')" -ForegroundColor Cyan
    $passed = 0; $failed = 0; $skipped = 0; $projects = 0
    $ErrorActionPreference = 'Continue'
    & dotnet @arguments 2>&1 | ForEach-Object {
        $line = "$_"
        Write-Host $line
        if ($line -match 'Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),\s*Total:') {
            $failed += [int]$Matches[1]; $passed += [int]$Matches[2]; $skipped += [int]$Matches[3]; $projects++
        }
    }
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0 -and $failed -eq 0) {
        # The build or a test host failed before reporting a failed test: count the run itself.
        Write-Host "dotnet test exited with code $exitCode after $projects test project(s) reported; counted as 1 failure." -ForegroundColor Red
        $failed = 1
    }
    Write-Host "xunit: $passed passed, $failed failed, $skipped skipped" -ForegroundColor Cyan
    Add-Counts -Passed $passed -Failed $failed -Skipped $skipped
    $exitCode -eq 0
}

function Get-PesterModule {
    # Restore the pinned Pester package (a PackageDownload) into out/tools/; its module is in tools/.
    $manifest = Join-Path $root "out/tools/pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) {
        # To the host: this function's output is the manifest path only.
        Invoke-Dotnet -Arguments @('restore', (Join-Path $root 'build/pester/Pester.Restore.csproj'), "-p:PesterVersion=$PesterVersion") | Out-Host
    }
    if (-not (Test-Path $manifest)) {
        throw "Restoring Pester $PesterVersion did not produce $manifest."
    }
    $manifest
}

function Invoke-PesterSuite {
    param([string[]] $Path)
    $pester = Get-PesterModule
    if (-not (Test-Path $moduleManifest)) {
        Invoke-ModuleBuild
    }
    $resultFile = Join-Path ([IO.Path]::GetTempPath()) "classicdeploy-pester-$([guid]::NewGuid().ToString('N')).json"
    $arguments = @('-NonInteractive', '-File', (Join-Path $root 'build/Invoke-PesterSuite.ps1'), '-PesterModule', $pester, '-ResultFile', $resultFile)
    if ($Path) {
        $arguments += '-Path'
        # `-PesterPath a,b` from bash arrives as one string: split it here.
        $files = $Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ } | ForEach-Object { (Resolve-Path $_).Path }
        $arguments += $files -join [IO.Path]::PathSeparator
    }
    Write-Host "pwsh Invoke-Pester (Pester $PesterVersion)" -ForegroundColor Cyan
    $exitCode = Invoke-ChildPwsh -Arguments $arguments
    if (Test-Path $resultFile) {
        $result = Get-Content $resultFile -Raw | ConvertFrom-Json
        Remove-Item $resultFile
        Add-Counts -Passed $result.Passed -Failed $result.Failed -Skipped $result.Skipped
        Write-Host "pester: $($result.Passed) passed, $($result.Failed) failed, $($result.Skipped) skipped" -ForegroundColor Cyan
    }
    elseif ($exitCode -ne 0) {
        Write-Host "The Pester run exited with code $exitCode before reporting; counted as 1 failure." -ForegroundColor Red
        Add-Counts -Passed 0 -Failed 1 -Skipped 0
    }
    $exitCode -eq 0
}

function Invoke-Test {
    $xunit = Invoke-XunitSuites
    try {
        $pester = Invoke-PesterSuite
    }
    catch {
        # Pester could not even start (restore failed, no module): the suite counts as failed.
        Write-Host "The Pester suite could not run: $($_.Exception.Message)" -ForegroundColor Red
        Add-Counts -Passed 0 -Failed 1 -Skipped 0
        $pester = $false
    }
    if (-not ($xunit -and $pester)) {
        throw 'Tests failed.'
    }
}

function Invoke-Demo {
    Invoke-ModuleBuild
    $exitCode = Invoke-ChildPwsh -Arguments @('-File', (Join-Path $root 'build/Invoke-Demo.ps1'), '-Module', $moduleManifest)
    if ($exitCode -ne 0) {
        throw "The demo failed with exit code $exitCode."
    }
}

function Invoke-Package {
    if (-not (Test-Path $moduleManifest)) {
        Invoke-ModuleBuild
    }
    $moduleDir = Split-Path $moduleManifest
    $version = (Import-PowerShellDataFile $moduleManifest).ModuleVersion
    New-Item -ItemType Directory -Force -Path $artifacts | Out-Null
    $zip = Join-Path $artifacts "ClassicDeploy-$version.zip"
    Compress-Archive -Path $moduleDir -DestinationPath $zip -Force
    Write-Host "Packaged $zip" -ForegroundColor Green
    # The same module as a PSResourceGet package (what Publish-PSResource would push to a gallery).
    $nupkg = Join-Path $artifacts "ClassicDeploy.$version.nupkg"
    Remove-Item $nupkg -ErrorAction Ignore
    Compress-PSResource -Path $moduleDir -DestinationPath $artifacts
    if (-not (Test-Path $nupkg)) { throw "Compress-PSResource did not write $nupkg." }
    Write-Host "Packaged $nupkg" -ForegroundColor Green
}

$steps = if ($Task -contains 'All') { 'Build', 'Test', 'Package' } else { $Task }
$exitCode = 0
try {
    foreach ($step in $steps) {
        switch ($step) {
            'Build' { Invoke-Build }
            'Test' { Invoke-Test }
            'Pester' {
                if (-not (Invoke-PesterSuite -Path $PesterPath)) { throw 'Pester tests failed.' }
            }
            'Demo' { Invoke-Demo }
            'Package' { Invoke-Package }
        }
    }
}
catch {
    Write-Host "build.ps1 -Task $step failed: $($_.Exception.Message)" -ForegroundColor Red
    $exitCode = 1
}
if ($script:Counts) {
    # The last line of every run that tested: both suites summed.
    Write-Host "$($script:Counts.Passed) passed, $($script:Counts.Failed) failed, $($script:Counts.Skipped) skipped"
}
exit $exitCode
