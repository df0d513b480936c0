#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The built module as a user gets it from a gallery: Publish-PSResource to a local file repository,
# Install-PSResource from it, then a new pwsh that auto-loads the cmdlets from the installed copy and
# starts the emulator it carries. Both pwsh processes get a temporary HOME, so the repository
# registration and the installed module stay in a temporary folder.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:ModuleDir = Split-Path (Resolve-Path (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1')).Path
    $script:Version = (Import-PowerShellDataFile (Join-Path $script:ModuleDir 'ClassicDeploy.psd1')).ModuleVersion
    $script:Temp = Join-Path ([IO.Path]::GetTempPath()) "classicdeploy-gallery-$([guid]::NewGuid().ToString('N'))"
    $script:Repository = Join-Path $script:Temp 'repository'
    $script:UserHome = Join-Path $script:Temp 'home'
    New-Item -ItemType Directory -Path $script:Repository, $script:UserHome | Out-Null
    $script:Environment = @{
        HOME = $script:UserHome
        XDG_DATA_HOME = Join-Path $script:UserHome '.local/share'
        XDG_CONFIG_HOME = Join-Path $script:UserHome '.config'
        XDG_CACHE_HOME = Join-Path $script:UserHome '.cache'
        PSModulePath = $null
    }

    $script:Install = Invoke-TestPwsh -Environment $script:Environment -WorkingDirectory $script:Temp -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name ClassicDeployLocal -Uri '$($script:Repository)' -Trusted
Publish-PSResource -Path '$($script:ModuleDir)' -Repository ClassicDeployLocal
Install-PSResource -Name ClassicDeploy -Repository ClassicDeployLocal -Scope CurrentUser -TrustRepository
'installed: ' + (Get-InstalledPSResource -Name ClassicDeploy).InstalledLocation
"@

    $script:Use = Invoke-TestPwsh -Environment $script:Environment -WorkingDirectory $script:Temp -Script @"
`$ErrorActionPreference = 'Stop'
'loaded before: ' + @(Get-Module ClassicDeploy).Count
`$emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -PassThru
try {
    'module base: ' + (Get-Module ClassicDeploy).ModuleBase
    'emulator on: ' + `$emulator.Endpoint
    New-CloudService -ServiceName gallery-installed -Location 'West Europe' | Out-Null
    'services: ' + ((Get-CloudService).ServiceName -join ',')
}
finally {
    Stop-ClassicDeployEmulator
}
"@
}

AfterAll {
    Remove-Item $script:Temp -Recurse -Force -ErrorAction Ignore
}

Describe 'Publish-PSResource and Install-PSResource' {
    It 'publishes the module to a local file repository as a package of its version' {
        $script:Install.ExitCode | Should -Be 0 -Because $script:Install.Error
        Join-Path $script:Repository "ClassicDeploy.$($script:Version).nupkg" | Should -Exist
    }

    It 'installs it for the current user, with the emulator it carries' {
        $script:Install.Output | Should -Match "installed: $([regex]::Escape($script:UserHome))"
        $installed = Get-ChildItem -Path $script:UserHome -Recurse -Force -Filter ClassicDeploy.psd1 | Select-Object -First 1
        $installed | Should -Not -BeNullOrEmpty
        Join-Path $installed.DirectoryName 'emulator/ClassicDeploy.Emulator.dll' | Should -Exist
        Join-Path $installed.DirectoryName 'dependencies/Polly.Core.dll' | Should -Exist
    }

    It 'auto-loads a cmdlet from the installed copy in a new pwsh, without Import-Module' {
        $script:Use.ExitCode | Should -Be 0 -Because $script:Use.Error
        $script:Use.Output | Should -Match 'loaded before: 0'
        $script:Use.Output | Should -Match "module base: $([regex]::Escape($script:UserHome))"
    }

    It 'starts the emulator from the installed copy and works against it' {
        $script:Use.Output | Should -Match 'emulator on: http://127\.0\.0\.1:\d+/'
        $script:Use.Output | Should -Match 'services: gallery-installed'
    }
}
