#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Every runbook in examples/ end to end in a new pwsh, as the README runs them: import the built
# module, Start-ClassicDeployEmulator, run the example, Stop-ClassicDeployEmulator. Asserts on what
# the user reads (the examples print their tables straight to the host).

BeforeDiscovery {
    # rolling-upgrade.ps1 has its own Describe below.
    $script:Examples = Get-ChildItem (Join-Path $PSScriptRoot '../../examples') -Filter *.ps1 |
        Where-Object Name -ne 'rolling-upgrade.ps1' |
        ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:ModulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1')).Path

    function Invoke-Example {
        # Returns ExitCode, Error and Output, the output without colour codes (pwsh colours table headers).
        param([string] $Path, [string] $Arguments = '')
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$($script:ModulePath)'
Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.02
try { & '$Path' $Arguments } finally { Stop-ClassicDeployEmulator }
"@
        $result.Output = $result.Output -replace '\e\[[0-9;]*m', ''
        $result
    }
}

Describe 'examples/<Name>' -ForEach $script:Examples {
    It 'runs to its end without an error' {
        $result = Invoke-Example -Path $Path -Arguments $(if ($Name -eq 'parallel-fan-out.ps1') { '-Count 3' })

        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Error | Should -BeNullOrEmpty
        $result.Output | Should -Match '== Done: '
    }
}

Describe 'examples/rolling-upgrade.ps1, the main job' {
    BeforeAll {
        $script:Main = Invoke-Example -Path (Join-Path $PSScriptRoot '../../examples/rolling-upgrade.ps1')
        $script:Lines = $script:Main.Output -split "`r?`n"
    }

    It 'runs to its end without an error' {
        $script:Main.ExitCode | Should -Be 0 -Because $script:Main.Error
        $script:Main.Error | Should -BeNullOrEmpty
    }

    It 'walks production domain by domain with a post-check after each' {
        $walked = $script:Lines | Select-String 'Walking upgrade domain (\d) of 5' | ForEach-Object { [int]$_.Matches[0].Groups[1].Value }
        $walked | Should -Be @(1, 2, 3, 4, 5, 1)
        ($script:Lines | Select-String 'upgrade domain \d of 5 done in .*post-check passed').Count | Should -Be 5
    }

    It 'prints deployments through the table view' {
        $script:Lines | Where-Object { $_ -match '^ServiceName\s+Slot\s+Deployment\w*\s+Status' } | Should -Not -BeNullOrEmpty
        $script:Lines | Where-Object { $_ -match '^contoso-\w+\s+Production\s+web-green\s+Running' } | Should -Not -BeNullOrEmpty
    }

    It 'rolls the failed upgrade back and ends on v3' {
        $script:Main.Output | Should -Match 'Post-check failed after upgrade domain 1: smoke test failed'
        $script:Lines | Where-Object { $_ -match '^Rollback\s+contoso-\w+/web-g\S*\s+Succeeded' } | Should -HaveCount 1
        $script:Main.Output | Should -Match '== Done: production runs v3 on web-green, all 7 instances ready: True'
    }
}
