#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    # Instances running a package whose URL contains "bad" never become ready.
    Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -PackageBehavior @{ '*bad*' = 'Crash' }
    $script:gate = @{ HealthCheckInterval = 0.05; UpgradeDomainTimeout = 3 }
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Monitored rolling upgrades' {
    It 'walks every domain of a healthy package behind the health check and outputs one Completed result' {
        $service = New-TestDeployment
        $domains = [System.Collections.Generic.List[int]]::new()

        $result = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Wait @gate `
            -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) `
            -HealthCheck { param($Deployment, $Domain) $domains.Add($Domain); $Deployment.ServiceName -eq $service }

        $result.PSObject.TypeNames[0] | Should -Be 'ClassicDeploy.RollingUpgradeResult'
        $result.Outcome | Should -Be 'Completed'
        @($result.Domains | Where-Object Healthy).Count | Should -Be 2
        $domains.Contains(0) | Should -BeTrue
        $domains.Contains(1) | Should -BeTrue
        (Get-Deployment -ServiceName $service -Slot Production).UpgradeStatus | Should -BeNullOrEmpty
    }

    It 'stops a crashing package after its first domain and rolls it back, with a HealthCheckFailed error' {
        $service = New-TestDeployment

        $result = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Package (New-TestPackageUrl bad) -Configuration (New-TestConfiguration v2) |
            Step-UpgradeDomain -All @gate -HealthCheck { $true } -FailureAction Rollback -ErrorAction SilentlyContinue -ErrorVariable failed

        $result.Outcome | Should -Be 'RolledBack'
        $result.FailedUpgradeDomain | Should -Be 0
        $result.Reason | Should -Match 'instances ready after UpgradeDomainTimeout'
        @($result.Operations | Where-Object Operation -eq 'Walk Upgrade Domain').Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ClassicDeploy.HealthCheckFailed,*'
        $after = Get-Deployment -ServiceName $service -Slot Production
        $after.UpgradeStatus | Should -BeNullOrEmpty
        $after.Configuration | Should -Match 'value="v1"'
    }

    It 'pauses by default and the same gate resumes it' {
        $service = New-TestServiceName
        New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null
        New-Deployment -ServiceName $service -Slot Production -DeploymentName blue -StartDeployment -Wait `
            -Package (New-TestPackageUrl v1) -Configuration (New-TestConfiguration v1 -Instances 3) | Out-Null

        $paused = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Wait @gate `
            -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2 -Instances 3) -HealthCheck { $args[1] -lt 1 } -ErrorAction SilentlyContinue

        $paused.Outcome | Should -Be 'Paused'
        $paused.Reason | Should -Match 'Step-UpgradeDomain -ServiceName'
        $resumed = Step-UpgradeDomain -ServiceName $service -Slot Production -All @gate -HealthCheck { $true }
        $resumed.Outcome | Should -Be 'Completed'
        $resumed.Domains.UpgradeDomain | Should -Be @(0, 1, 2)
    }
}
