#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Invoke-UpgradeDeployment' {
    It 'upgrades automatically through every domain with -Wait' {
        $service = New-TestDeployment
        $operation = Get-Deployment -ServiceName $service -Slot Production |
            Invoke-UpgradeDeployment -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) -Label v2 -Wait

        $operation.Operation | Should -Be 'Upgrade Deployment'
        $operation.Status | Should -Be 'Succeeded'
        $deployment = Get-Deployment -ServiceName $service -Slot Production
        $deployment.Label | Should -Be 'v2'
        $deployment.UpgradeStatus | Should -BeNullOrEmpty
    }

    It 'leaves a manual upgrade waiting before domain 0 with a rollback allowed' {
        $service = New-TestDeployment
        Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Wait `
            -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) | Out-Null

        $deployment = Get-Deployment -ServiceName $service -Slot Production
        $deployment.UpgradeStatus.UpgradeType | Should -Be 'Manual'
        $deployment.UpgradeStatus.CurrentUpgradeDomain | Should -Be 0
        $deployment.UpgradeStatus.CurrentUpgradeDomainState | Should -Be 'Before'
        $deployment.RollbackAllowed | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $service = New-TestDeployment
        Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) -WhatIf

        (Get-Deployment -ServiceName $service -Slot Production).Label | Should -Be 'v1'
    }

    It 'reads the configuration from a .cscfg path' {
        $service = New-TestDeployment
        $path = Join-Path ([IO.Path]::GetTempPath()) "$([guid]::NewGuid()).cscfg"
        Set-Content -Path $path -Value (New-TestConfiguration v2)
        try {
            Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Package (New-TestPackageUrl v2) -Configuration $path -Wait | Out-Null
            (Get-Deployment -ServiceName $service -Slot Production).Configuration | Should -Match 'value="v2"'
        }
        finally {
            Remove-Item $path
        }
    }
}

Describe 'Step-UpgradeDomain' {
    It 'walks every domain in order with -All and outputs one operation per walk' {
        $service = New-TestDeployment
        Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Label v2 -Wait `
            -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) | Out-Null

        $walks = Get-Deployment -ServiceName $service -Slot Production | Step-UpgradeDomain -All -Wait

        @($walks).Count | Should -Be 2
        $walks.Operation | Should -Be @('Walk Upgrade Domain', 'Walk Upgrade Domain')
        $walks.Status | Should -Be @('Succeeded', 'Succeeded')
        $deployment = Get-Deployment -ServiceName $service -Slot Production
        $deployment.UpgradeStatus | Should -BeNullOrEmpty
        $deployment.Label | Should -Be 'v2'
    }

    It 'walks the current domain by default' {
        $service = New-TestDeployment
        Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Wait `
            -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) | Out-Null

        Step-UpgradeDomain -ServiceName $service -Slot Production -Wait | Out-Null

        (Get-Deployment -ServiceName $service -Slot Production).UpgradeStatus.CurrentUpgradeDomain | Should -Be 1
    }

    It 'reports ClassicDeploy.NoUpgradeInProgress when there is nothing to walk' {
        $service = New-TestDeployment

        { Step-UpgradeDomain -ServiceName $service -Slot Production -ErrorAction Stop } | Should -Throw -ErrorId 'ClassicDeploy.NoUpgradeInProgress*'
    }
}

Describe 'Set-DeploymentConfiguration' {
    It 'changes the configuration through every domain' {
        $service = New-TestDeployment
        Set-DeploymentConfiguration -ServiceName $service -Slot Production -Configuration (New-TestConfiguration v1-tuned) -Wait |
            ForEach-Object { $_.Status } | Should -Be 'Succeeded'

        (Get-Deployment -ServiceName $service -Slot Production).Configuration | Should -Match 'value="v1-tuned"'
    }

    It 'accepts only Auto or Manual as -Mode' {
        { Set-DeploymentConfiguration -ServiceName x -Slot Production -Configuration (New-TestConfiguration) -Mode Simultaneous } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
