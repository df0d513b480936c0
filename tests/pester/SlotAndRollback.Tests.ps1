#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Switch-DeploymentSlot' {
    It 'swaps production and staging' {
        $service = New-TestDeployment -BothSlots

        Switch-DeploymentSlot -ServiceName $service -Confirm:$false -Wait | ForEach-Object { $_.Status } | Should -Be 'Succeeded'

        (Get-Deployment -ServiceName $service -Slot Production).DeploymentName | Should -Be 'staging-v1'
        (Get-Deployment -ServiceName $service -Slot Staging).DeploymentName | Should -Be 'production-v1'
    }

    It 'swaps nothing with -WhatIf' {
        $service = New-TestDeployment -BothSlots

        Switch-DeploymentSlot -ServiceName $service -WhatIf

        (Get-Deployment -ServiceName $service -Slot Production).DeploymentName | Should -Be 'production-v1'
    }

    It 'reports an error when there is no staging deployment' {
        $service = New-TestDeployment

        { Switch-DeploymentSlot -ServiceName $service -Confirm:$false -ErrorAction Stop } | Should -Throw
        (Get-Deployment -ServiceName $service -Slot Production).DeploymentName | Should -Be 'production-v1'
    }
}

Describe 'Undo-DeploymentUpgrade' {
    It 'rolls back an upgrade in progress to the previous release' {
        $service = New-TestDeployment
        Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Label v2 -Wait `
            -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) | Out-Null
        Step-UpgradeDomain -ServiceName $service -Slot Production -Wait | Out-Null

        Get-Deployment -ServiceName $service -Slot Production | Undo-DeploymentUpgrade -Confirm:$false -Wait |
            ForEach-Object { $_.Operation } | Should -Be 'Rollback Update Or Upgrade'

        $deployment = Get-Deployment -ServiceName $service -Slot Production
        $deployment.Label | Should -Be 'v1'
        $deployment.UpgradeStatus | Should -BeNullOrEmpty
    }

    It 'reports ClassicDeploy.RollbackNotAllowed when no update is in progress' {
        $service = New-TestDeployment

        { Undo-DeploymentUpgrade -ServiceName $service -Slot Production -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClassicDeploy.RollbackNotAllowed*'
    }
}
