#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What a seasoned PowerShell user sees under real pwsh: tables at 80 and 120 columns (Out-String -Width),
# a confirmation that -NonInteractive cannot ask, a context through Start-Job $using:, request ids from Get-Content.

BeforeAll {
    $modulePath = Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1'
    Import-Module $modulePath -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -PassThru

    function Invoke-ChildPwsh {
        # Runs $Command in a fresh pwsh with the module imported and connected to the same emulator; returns its output lines.
        param([string] $Command, [switch] $NonInteractive)
        $context = Get-ClassicDeployContext
        $prelude = "Import-Module '$((Resolve-Path $modulePath).Path)'; Connect-ClassicDeploy -SubscriptionId $($context.SubscriptionId) -Endpoint $($context.Endpoint); "
        $exe = [Environment]::ProcessPath
        $arguments = @()
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $arguments += [System.Reflection.Assembly]::GetEntryAssembly().Location }
        $arguments += '-NoProfile'
        if ($NonInteractive) { $arguments += '-NonInteractive' }
        $arguments += '-Command', ($prelude + $Command)
        & $exe @arguments 2>&1 | ForEach-Object { "$_" }
    }

    function Start-ChildPwsh {
        # A fresh pwsh running $Command, its output read line by line; the caller kills it.
        param([string] $Command)
        $exe = [Environment]::ProcessPath
        $info = [System.Diagnostics.ProcessStartInfo]::new($exe)
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $info.ArgumentList.Add([System.Reflection.Assembly]::GetEntryAssembly().Location) }
        foreach ($a in '-NoProfile', '-NonInteractive', '-Command', ("Import-Module '$((Resolve-Path $modulePath).Path)'; " + $Command)) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardOutput = $true
        $info.UseShellExecute = $false
        [System.Diagnostics.Process]::Start($info)
    }

    function Test-Table {
        # Every header whole on one line, no line wider than asked for, nothing cut.
        param([string] $Text, [int] $Width, [string[]] $Columns)
        $lines = $Text -split "`r?`n"
        ($lines | Where-Object { $_.Length -gt $Width }) | Should -BeNullOrEmpty
        $Text | Should -Not -Match '…'
        $Text | Should -Match ('(?m)^\s*' + (($Columns | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '\s*$')
    }
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Tables designed for 80 columns' {
    BeforeAll {
        $service = 'web-' + [guid]::NewGuid().ToString('N').Substring(0, 7)
        New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null
        New-Deployment -ServiceName $service -Slot Production -DeploymentName prod-v1 -Label v1 -StartDeployment -Wait `
            -Package (New-TestPackageUrl v1) -Configuration (New-TestConfiguration v1) | Out-Null
        $operation = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Mode Manual -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) -Wait
        $deployment = Get-Deployment -ServiceName $service -Slot Production
    }

    It 'shows every column of a deployment in the middle of a manual upgrade at <_> columns' -ForEach 80, 120 {
        $text = $deployment | Out-String -Width $_
        Test-Table $text $_ 'ServiceName', 'Slot', 'Deployment', 'Status', 'Upgrade', 'Ready', 'Rollback', 'Locked'
        $text | Should -Match "(?m)^$service\s+Production\s+prod-v1\s+Running\s+1/2 Before\s+2/2\s+True\s+False\s*$"
    }

    It 'shows the operation with its whole request id at <_> columns' -ForEach 80, 120 {
        $text = $operation | Out-String -Width $_
        Test-Table $text $_ 'Operation', 'Deployment', 'Status', 'RequestId'
        $text | Should -Match "(?m)^Upgrade\s+$service/Production\s+Succeeded\s+$($operation.RequestId)\s*$"
    }

    It 'shows role instances, roles and the upgrade status at <_> columns' -ForEach 80, 120 {
        Test-Table ($deployment.RoleInstances | Out-String -Width $_) $_ 'RoleName', 'InstanceName', 'InstanceStatus', 'UpgradeDomain', 'FaultDomain', 'PowerState'
        Test-Table ($deployment.Roles | Out-String -Width $_) $_ 'RoleName', 'OsVersion'
        Test-Table ($deployment.UpgradeStatus | Out-String -Width $_) $_ 'UpgradeType', 'CurrentUpgradeDomain', 'CurrentUpgradeDomainState'
    }

    It 'shows cloud services, the context and the emulator at <_> columns' -ForEach 80, 120 {
        Test-Table (Get-CloudService -ServiceName $service | Out-String -Width $_) $_ 'ServiceName', 'Location', 'Status', 'Label'
        Test-Table (Get-ClassicDeployContext | Out-String -Width $_) $_ 'SubscriptionId', 'Endpoint', 'Certificate'
        Test-Table ($emulator | Out-String -Width $_) $_ 'PID', 'Endpoint', 'Store', 'SubscriptionId'
    }

    It 'says in the list view that deployments were not read, and lists them when they were' {
        (Get-CloudService -ServiceName $service | Format-List | Out-String) | Should -Match 'Deployments\s+: none read \(Get-CloudService -IncludeDeployments reads them\)'
        (Get-CloudService -ServiceName $service -IncludeDeployments | Format-List | Out-String) | Should -Match 'Deployments\s+: prod-v1 \(Production, Running\)'
    }

    It 'prints role instances, roles and the upgrade status as what they are, in strings and Format-List *' {
        "$($deployment.RoleInstances[0])" | Should -Be 'WebRole1_IN_0 (WebRole1, ReadyRole, upgrade domain 0)'
        "$($deployment.UpgradeStatus)" | Should -Be 'Manual upgrade, upgrade domain 0 Before'
        $text = $deployment | Format-List * | Out-String -Width 200
        $text | Should -Not -Match 'ClassicDeploy\.Models\.'
        $text | Should -Match 'RoleInstances\s+: \{WebRole1_IN_0 \(WebRole1, ReadyRole, upgrade domain 0\)'
    }
}

Describe 'Conventions a PowerShell user relies on' {
    It 'stops a confirmation that pwsh -NonInteractive cannot ask with ClassicDeploy.ConfirmationRequired, before any request' {
        $service = New-TestDeployment
        $out = Invoke-ChildPwsh -NonInteractive -Command "try { Remove-Deployment -ServiceName $service -Slot Production -ErrorAction Stop } catch { 'ID=' + `$_.FullyQualifiedErrorId; 'MSG=' + `$_.Exception.Message }"
        ($out | Where-Object { $_ -like 'ID=*' }) | Should -Be 'ID=ClassicDeploy.ConfirmationRequired,ClassicDeploy.Cmdlets.RemoveDeploymentCommand'
        ($out | Where-Object { $_ -like 'MSG=*' }) | Should -Match 'pass -Force \(or -Confirm:\$false\)'
        (Get-Deployment -ServiceName $service -Slot Production).Status | Should -Be 'Running'
    }

    It 'goes ahead under pwsh -NonInteractive with -Force, the way Remove-Item and the Az cmdlets do' {
        $service = New-TestDeployment
        $out = Invoke-ChildPwsh -NonInteractive -Command "(Remove-Deployment -ServiceName $service -Slot Production -Force -Wait -ErrorAction Stop).Status"
        $out | Should -Be 'Succeeded'
        Get-Deployment -ServiceName $service | Should -BeNullOrEmpty
    }

    It 'reconnects a context passed to Start-Job with $using:' {
        $service = New-TestDeployment
        $context = Get-ClassicDeployContext
        $module = (Resolve-Path $modulePath).Path
        $job = Start-Job { Import-Module $using:module; (Get-Deployment -ServiceName $using:service -Slot Production -Context $using:context).DeploymentName }
        $job | Wait-Job -Timeout 60 | Receive-Job | Should -Be 'production-v1'
        $job | Remove-Job -Force
    }

    It 'waits for request ids read with Get-Content' {
        $service = New-TestDeployment -BothSlots
        $file = Join-Path ([IO.Path]::GetTempPath()) ("ids-" + [guid]::NewGuid().ToString('N') + '.txt')
        try {
            'Production', 'Staging' | ForEach-Object {
                (Invoke-UpgradeDeployment -ServiceName $service -Slot $_ -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2)).RequestId
            } | Set-Content $file
            $done = Get-Content $file | Wait-DeploymentOperation
            @($done).Count | Should -Be 2
            $done.Status | Should -Be @('Succeeded', 'Succeeded')
            (Get-Content $file | Get-DeploymentOperation).Status | Should -Be @('Succeeded', 'Succeeded')
        }
        finally {
            Remove-Item $file -ErrorAction Ignore
        }
    }

    It 'returns a job from -AsJob that Get-Job, Wait-Job, Receive-Job and Remove-Job handle' {
        $service = New-TestDeployment
        $job = Invoke-UpgradeDeployment -ServiceName $service -Slot Production -Package (New-TestPackageUrl v2) -Configuration (New-TestConfiguration v2) -Wait -AsJob
        $job | Should -BeOfType ([System.Management.Automation.Job])
        $job.PSJobTypeName | Should -Be 'ClassicDeployJob'
        (Get-Job -Id $job.Id).Name | Should -Be $job.Name
        $result = $job | Wait-Job -Timeout 60 | Receive-Job
        $job.State | Should -Be 'Completed'
        $result.Operation | Should -Be 'Upgrade Deployment'
        $result.Status | Should -Be 'Succeeded'
        $job | Remove-Job
        Get-Job -Id $job.Id -ErrorAction Ignore | Should -BeNullOrEmpty
    }

    It 'refuses a subscription id that is not a GUID' {
        { Connect-ClassicDeploy -SubscriptionId not-a-guid -Endpoint http://127.0.0.1:1/ } | Should -Throw -ErrorId 'ClassicDeploy.InvalidParameter*'
    }

    It 'names the resolved path of a configuration file that does not exist' {
        $service = New-TestDeployment
        Push-Location ([IO.Path]::GetTempPath())
        try {
            $expected = Join-Path (Get-Location).ProviderPath 'no-such.cscfg'
            { Set-DeploymentConfiguration -ServiceName $service -Slot Production -Configuration ./no-such.cscfg -ErrorAction Stop } |
                Should -Throw -ErrorId 'ClassicDeploy.ConfigurationFileNotFound*' -ExpectedMessage "Configuration file not found: $expected*"
        }
        finally {
            Pop-Location
        }
    }
}

Describe 'The emulator started by Start-ClassicDeployEmulator' {
    It 'runs in a session and process group of its own, so the terminal''s Ctrl+C (sent to the foreground process group) does not reach it' -Skip:(-not $IsLinux) {
        $stat = { param($id) $t = Get-Content "/proc/$id/stat" -Raw; $f = $t.Substring($t.LastIndexOf(')') + 2).Split(' '); @{ Group = [int]$f[2]; Session = [int]$f[3] } }
        $ours = & $stat $PID
        $its = & $stat $emulator.ProcessId
        $its.Session | Should -Be $emulator.ProcessId
        $its.Group | Should -Be $emulator.ProcessId
        $its.Session | Should -Not -Be $ours.Session
        $its.Group | Should -Not -Be $ours.Group
    }

    It 'ends when the pwsh that started it is killed with SIGKILL' {
        $child = Start-ChildPwsh 'Start-ClassicDeployEmulator -PassThru | ForEach-Object { $_.ProcessId }; Start-Sleep 600'
        try {
            $line = $child.StandardOutput.ReadLineAsync()
            $line.Wait([TimeSpan]::FromSeconds(120)) | Should -BeTrue
            $emulatorId = [int]$line.Result
            (Get-Process -Id $emulatorId).Id | Should -Be $emulatorId
        }
        finally {
            $child.Kill()
            $child.WaitForExit()
        }

        # Bounded wait for the exit (the emulator looks for its parent four times a second).
        Wait-Process -Id $emulatorId -Timeout 60 -ErrorAction Ignore
        Get-Process -Id $emulatorId -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}
