#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What a user reads in a real pwsh console: the format views at 80 columns (every column of each
# view at 80 and 120 is in UserExperience.Tests.ps1), and confirmations under -NonInteractive (a
# scheduled runbook, a CI job) in a second pwsh process.

BeforeAll {
    $script:ModulePath = Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1'
    Import-Module $script:ModulePath -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Subscription = [guid]::NewGuid().ToString()
    $script:Emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -SubscriptionId $script:Subscription -PassThru
    $script:Service = New-TestDeployment

    function Get-Lines {
        param([Parameter(ValueFromPipeline)] $InputObject, [int] $Width)
        begin { $items = [Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end { ($items | Out-String -Width $Width) -split "`r?`n" }
    }
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Format views at 80 columns' {
    # Nothing runs past the edge of an 80-column console, and a deployment row names the service,
    # slot, deployment and status.
    It 'keeps every line of every view within 80 columns' {
        $deployment = Get-Deployment -ServiceName $script:Service -Slot Production
        $views = @(
            $deployment | Get-Lines -Width 80
            Get-CloudService -ServiceName $script:Service | Get-Lines -Width 80
            $deployment.RoleInstances | Get-Lines -Width 80
            Get-DeploymentOperation -RequestId (Get-Deployment -ServiceName $script:Service -Slot Production | Set-DeploymentConfiguration -Mode Auto -Configuration (New-TestConfiguration v3) -Wait).RequestId | Get-Lines -Width 80
        )

        $views | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        $views.Count | Should -BeGreaterThan 10
    }

    It 'still names the service, slot, deployment and status of a deployment' {
        $lines = Get-Deployment -ServiceName $script:Service -Slot Production | Get-Lines -Width 80

        $lines | Where-Object { $_ -match "^$($script:Service)\s+Production\s+production-v1\s+Running\b" } | Should -HaveCount 1
    }
}

Describe 'Confirmations under pwsh -NonInteractive' {
    BeforeAll {
        # One second pwsh -NonInteractive on the same emulator and subscription, as a scheduled job would
        # connect: a swap without -Confirm:$false, a swap with it, and a medium-impact upgrade.
        $script:Refused = New-TestDeployment -BothSlots
        $script:Confirmed = New-TestDeployment -BothSlots
        $script:Upgraded = New-TestDeployment
        $configFile = Join-Path ([IO.Path]::GetTempPath()) "classicdeploy-pester-$([guid]::NewGuid().ToString('N')).cscfg"
        Set-Content -Path $configFile -Value (New-TestConfiguration v2)
        try {
            $script:Job = Invoke-TestPwsh -Script @"
Import-Module '$($script:ModulePath)' -ErrorAction Stop
Connect-ClassicDeploy -SubscriptionId '$($script:Subscription)' -Endpoint '$($script:Emulator.Endpoint)'
Switch-DeploymentSlot -ServiceName '$($script:Refused)' -Wait
'refused: ' + (Get-Deployment -ServiceName '$($script:Refused)' -Slot Production).DeploymentName
Switch-DeploymentSlot -ServiceName '$($script:Confirmed)' -Confirm:`$false -Wait | Out-Null
'confirmed: ' + (Get-Deployment -ServiceName '$($script:Confirmed)' -Slot Production).DeploymentName
Invoke-UpgradeDeployment -ServiceName '$($script:Upgraded)' -Slot Production -Mode Auto -Package '$(New-TestPackageUrl v2)' -Configuration '$configFile' -Label v2 -Wait | Out-Null
'upgraded: ' + (Get-Deployment -ServiceName '$($script:Upgraded)' -Slot Production).Label
"@
        }
        finally {
            Remove-Item $configFile -ErrorAction Ignore
        }
    }

    It 'refuses a high-impact change that would need a prompt, says why, and changes nothing' {
        $script:Job.Error | Should -Match 'NonInteractive'
        $script:Job.Output | Should -Match 'refused: production-v1'
        (Get-Deployment -ServiceName $script:Refused -Slot Production).DeploymentName | Should -Be 'production-v1'
    }

    It 'goes ahead with -Confirm:$false' {
        $script:Job.Output | Should -Match 'confirmed: staging-v1'
    }

    It 'needs no prompt for a medium-impact change, and reports no other error' {
        $script:Job.Output | Should -Match 'upgraded: v2'
        @($script:Job.Error -split "`r?`n" | Where-Object { $_ -match 'Error|Exception' } | Where-Object { $_ -notmatch 'NonInteractive|Switch-DeploymentSlot' }) | Should -BeNullOrEmpty
    }
}
