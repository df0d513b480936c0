#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The module in the runspaces real pwsh makes for ForEach-Object -Parallel and Start-ThreadJob.

BeforeAll {
    $script:ModulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1')).Path
    Import-Module $script:ModulePath -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Subscription = [guid]::NewGuid().ToString()
    $script:Emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -SubscriptionId $script:Subscription -PassThru
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'ForEach-Object -Parallel' {
    It 'upgrades several services at once, each runspace importing and connecting the module' {
        $services = 1..3 | ForEach-Object { New-TestDeployment }
        $package = New-TestPackageUrl v2
        $configuration = New-TestConfiguration v2

        $operations = $services | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:ModulePath
            Connect-ClassicDeploy -SubscriptionId $using:Subscription -Endpoint $using:Emulator.Endpoint
            Invoke-UpgradeDeployment -ServiceName $_ -Slot Production -Mode Auto -Package $using:package -Configuration $using:configuration -Label v2 -Wait
        }

        $operations | Should -HaveCount 3
        $operations | ForEach-Object { $_.Status.ToString() } | Should -Be @('Succeeded', 'Succeeded', 'Succeeded')
        $services | ForEach-Object { (Get-Deployment -ServiceName $_ -Slot Production).Label } | Should -Be @('v2', 'v2', 'v2')
    }

    It 'reports a failure in one runspace as that item''s error, with its error id' {
        $service = New-TestDeployment

        # (-Parallel takes no -ErrorAction: the error records come back on the error stream.)
        $all = @($service, 'pester-missing-service') | ForEach-Object -Parallel {
            Import-Module $using:ModulePath
            Connect-ClassicDeploy -SubscriptionId $using:Subscription -Endpoint $using:Emulator.Endpoint
            (Get-Deployment -ServiceName $_ -Slot Production).DeploymentName
        } 2>&1
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

        $all | Where-Object { $_ -is [string] } | Should -Be 'production-v1'
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ClassicDeploy.ResourceNotFound*'
    }
}

Describe 'Start-ThreadJob' {
    It 'runs a wait in a thread job and hands back the operation' {
        $service = New-TestDeployment
        $job = Start-ThreadJob -ArgumentList $script:ModulePath, $script:Subscription, $script:Emulator.Endpoint, $service, (New-TestPackageUrl v2), (New-TestConfiguration v2) -ScriptBlock {
            param($module, $subscription, $endpoint, $service, $package, $configuration)
            Import-Module $module
            Connect-ClassicDeploy -SubscriptionId $subscription -Endpoint $endpoint
            Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Auto -Package $package -Configuration $configuration -Label v2 -Wait
        }

        $operation = $job | Receive-Job -Wait -AutoRemoveJob

        $operation.Status.ToString() | Should -Be 'Succeeded'
        $operation.ServiceName | Should -Be $service
        (Get-Deployment -ServiceName $service -Slot Production).Label | Should -Be 'v2'
    }

    It 'records the wait''s progress in the job, domain by domain' {
        $service = New-TestDeployment
        $job = Start-ThreadJob -ArgumentList $script:ModulePath, $script:Subscription, $script:Emulator.Endpoint, $service, (New-TestPackageUrl v2), (New-TestConfiguration v2) -ScriptBlock {
            param($module, $subscription, $endpoint, $service, $package, $configuration)
            Import-Module $module
            Connect-ClassicDeploy -SubscriptionId $subscription -Endpoint $endpoint
            Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Package $package -Configuration $configuration -Label v2 -Wait | Out-Null
            Step-UpgradeDomain -ServiceName $service -Slot Production -All -Wait | Out-Null
        }
        $job | Wait-Job | Out-Null

        $statuses = $job.Progress | ForEach-Object StatusDescription
        $job | Remove-Job
        $statuses | Where-Object { $_ -like "Upgrade domain 1 of 2*$service/Production" } | Should -Not -BeNullOrEmpty
        $statuses | Where-Object { $_ -like "Upgrade domain 2 of 2*$service/Production" } | Should -Not -BeNullOrEmpty
    }
}
