#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    # A long accept window: the deployment stays Locked after an update is accepted, so the conflict below is certain.
    Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -AcceptSeconds 30
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Get-DeploymentOperation and Wait-DeploymentOperation' {
    It 'returns an accepted operation at once and waits for it from the pipeline' {
        $service = New-TestDeployment
        $accepted = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2)

        $accepted.Status | Should -Be 'InProgress'
        $accepted.RequestId | Should -Match '^[0-9a-f]{32}$'

        $finished = $accepted | Wait-DeploymentOperation
        $finished.RequestId | Should -Be $accepted.RequestId
        $finished.Status | Should -Be 'Succeeded'
        $finished.HttpStatusCode | Should -Be 200
        $finished.EndTime | Should -Not -BeNullOrEmpty
    }

    It 'reads the status of an operation by request id' {
        $service = New-TestDeployment
        $operation = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) -Wait

        (Get-DeploymentOperation -RequestId $operation.RequestId).Status | Should -Be 'Succeeded'
    }

    It 'waits for many operations started in parallel' {
        $services = 1..3 | ForEach-Object { New-TestDeployment }
        $operations = $services | ForEach-Object {
            Invoke-UpgradeDeployment -ServiceName $_ -Slot Production -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2)
        }

        ($operations | Wait-DeploymentOperation).Status | Should -Be @('Succeeded', 'Succeeded', 'Succeeded')
    }

    It 'reports a conflicting mutation as ClassicDeploy.ConflictError while an update is being accepted' {
        $service = New-TestDeployment
        $running = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2)
        try {
            { Set-DeploymentConfiguration -ServiceName $service -Slot Production -Configuration (New-TestConfiguration v3) -ErrorAction Stop } |
                Should -Throw -ErrorId 'ClassicDeploy.ConflictError*'
        }
        finally {
            $running | Wait-DeploymentOperation | Out-Null
        }
    }

    It 'reports an unknown request id as ClassicDeploy.ResourceNotFound' {
        { Get-DeploymentOperation -RequestId ([guid]::NewGuid().ToString('N')) -ErrorAction Stop } | Should -Throw -ErrorId 'ClassicDeploy.ResourceNotFound*'
    }
}
