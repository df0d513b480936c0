<#
.SYNOPSIS
    Builds, tests and packages ClassicDeploy (for people who have pwsh).
.DESCRIPTION
    Build   : dotnet build ClassicDeploy.sln (lays out out/ClassicDeploy, the importable module)
    Test    : dotnet test ClassicDeploy.sln (the same command as .ci/run)
    Pester  : Invoke-Pester tests/pester against out/ClassicDeploy (needs Pester 5)
    Package : Compress-Archive out/ClassicDeploy into artifacts/ClassicDeploy-<version>.zip
    All     : Build, Test, Pester, Package
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'All')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'ClassicDeploy.sln'
$moduleDir = Join-Path $root 'out/ClassicDeploy'
$artifacts = Join-Path $root 'artifacts'

function Assert-Dotnet {
    if (-not (Get-Command dotnet -ErrorAction Ignore)) {
        throw 'The .NET SDK (dotnet) was not found on PATH. Install the .NET 10 SDK and run build.ps1 again.'
    }
}

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Assert-Dotnet
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE."
    }
}

function Invoke-Build {
    Invoke-Dotnet -Arguments @('build', $solution, '-c', $Configuration)
}

function Invoke-Test {
    Invoke-Dotnet -Arguments @('test', $solution, '-c', $Configuration)
}

function Invoke-PesterTask {
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0.0' } | Select-Object -First 1
    if (-not $pester) {
        throw 'Pester 5 is not installed. Install it with: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser'
    }
    if (-not (Test-Path (Join-Path $moduleDir 'ClassicDeploy.psd1'))) {
        Invoke-Build
    }
    Import-Module $pester -Force
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) {
        throw "$($result.FailedCount) Pester test(s) failed."
    }
}

function Invoke-Package {
    if (-not (Test-Path (Join-Path $moduleDir 'ClassicDeploy.psd1'))) {
        Invoke-Build
    }
    $version = (Import-PowerShellDataFile (Join-Path $moduleDir 'ClassicDeploy.psd1')).ModuleVersion
    New-Item -ItemType Directory -Force -Path $artifacts | Out-Null
    $zip = Join-Path $artifacts "ClassicDeploy-$version.zip"
    Compress-Archive -Path $moduleDir -DestinationPath $zip -Force
    Write-Host "Packaged $zip" -ForegroundColor Green
}

$steps = if ($Task -contains 'All') { 'Build', 'Test', 'Pester', 'Package' } else { $Task }
foreach ($step in $steps) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Pester' { Invoke-PesterTask }
        'Package' { Invoke-Package }
    }
}
