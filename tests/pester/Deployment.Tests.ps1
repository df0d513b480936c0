#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'New-CloudService and Get-CloudService' {
    It 'creates a service that Get-CloudService lists' {
        $service = New-TestServiceName
        $operation = New-CloudService -ServiceName $service -Location 'West Europe' -Label 'Pester service'

        $operation.Status | Should -Be 'Succeeded'
        $found = Get-CloudService -ServiceName $service
        $found.Location | Should -Be 'West Europe'
        $found.Label | Should -Be 'Pester service'
    }

    It 'reports a taken name as ClassicDeploy.ConflictError' {
        $service = New-TestServiceName
        New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null

        { New-CloudService -ServiceName $service -Location 'West Europe' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClassicDeploy.ConflictError*'
    }
}

Describe 'New-Deployment, Get-Deployment and Remove-Deployment' {
    It 'creates a running deployment with -StartDeployment -Wait' {
        $service = New-TestDeployment -Slot Staging

        $deployment = Get-Deployment -ServiceName $service -Slot Staging
        $deployment.DeploymentName | Should -Be 'staging-v1'
        $deployment.Status | Should -Be 'Running'
        $deployment.InstancesReady | Should -Be 2
        $deployment.RoleInstances.InstanceUpgradeDomain | Should -Be @(0, 1)
    }

    It 'gets the same deployment by name and by slot' {
        $service = New-TestDeployment

        (Get-Deployment -ServiceName $service -DeploymentName production-v1).PrivateId |
            Should -Be (Get-Deployment -ServiceName $service -Slot Production).PrivateId
    }

    It 'fans out from Get-CloudService' {
        $service = New-TestDeployment -BothSlots

        (Get-CloudService -ServiceName $service | Get-Deployment -Slot Staging).DeploymentName | Should -Be 'staging-v1'
    }

    It 'reports a missing deployment as ClassicDeploy.ResourceNotFound' {
        $service = New-TestDeployment

        { Get-Deployment -ServiceName $service -Slot Staging -ErrorAction Stop } | Should -Throw -ErrorId 'ClassicDeploy.ResourceNotFound*'
    }

    It 'removes a deployment, and -WhatIf removes nothing' {
        $service = New-TestDeployment

        Get-Deployment -ServiceName $service -Slot Production | Remove-Deployment -WhatIf
        (Get-Deployment -ServiceName $service -Slot Production).DeploymentName | Should -Be 'production-v1'

        Remove-Deployment -ServiceName $service -Slot Production -Confirm:$false -Wait | Out-Null
        (Get-CloudService -ServiceName $service -IncludeDeployments).Deployments | Should -BeNullOrEmpty
    }

    It 'names the parameter of an invalid label in ClassicDeploy.InvalidParameter' {
        $service = New-TestServiceName
        New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null

        $err = $null
        New-Deployment -ServiceName $service -Slot Production -DeploymentName d -Label ('x' * 101) `
            -Package (New-TestPackageUrl) -Configuration (New-TestConfiguration) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ClassicDeploy.InvalidParameter*'
        $err[0].Exception.Message | Should -Match 'Label'
    }
}
