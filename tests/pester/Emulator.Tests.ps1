#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -PassThru
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Start-ClassicDeployEmulator' {
    It 'runs the emulator on a free local port and connects the session' {
        $script:Emulator.Endpoint.Host | Should -Be '127.0.0.1'
        $script:Emulator.Endpoint.Port | Should -BeGreaterThan 0
        $script:Emulator.HasExited | Should -BeFalse
        Get-Process -Id $script:Emulator.ProcessId | Should -Not -BeNullOrEmpty

        $service = New-TestServiceName
        New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null
        (Get-CloudService -ServiceName $service).ServiceName | Should -Be $service
    }

    It 'keeps the state in -DataDirectory across a restart' {
        $data = Join-Path ([IO.Path]::GetTempPath()) "classicdeploy-pester-$([guid]::NewGuid())"
        $subscription = [guid]::NewGuid().ToString()
        try {
            $first = Start-ClassicDeployEmulator -DataDirectory $data -SubscriptionId $subscription -PassThru
            New-CloudService -ServiceName durable -Location 'West Europe' | Out-Null
            $first | Stop-ClassicDeployEmulator

            $second = Start-ClassicDeployEmulator -DataDirectory $data -SubscriptionId $subscription -PassThru
            (Get-CloudService -ServiceName durable).ServiceName | Should -Be 'durable'
            $second | Stop-ClassicDeployEmulator
        }
        finally {
            Remove-Item $data -Recurse -Force -ErrorAction Ignore
            Connect-ClassicDeploy -SubscriptionId $script:Emulator.SubscriptionId -Endpoint $script:Emulator.Endpoint
        }
    }

    It 'fails with ClassicDeploy.EmulatorNotFound when there is no emulator at -EmulatorPath' {
        { Start-ClassicDeployEmulator -EmulatorPath ([IO.Path]::GetTempPath()) } | Should -Throw -ErrorId 'ClassicDeploy.EmulatorNotFound*'
    }
}

Describe 'Stop-ClassicDeployEmulator' {
    It 'ends the emulator process' {
        $extra = Start-ClassicDeployEmulator -PassThru
        $extra | Stop-ClassicDeployEmulator

        $extra.HasExited | Should -BeTrue
        Get-Process -Id $extra.ProcessId -ErrorAction Ignore | Should -BeNullOrEmpty
        Connect-ClassicDeploy -SubscriptionId $script:Emulator.SubscriptionId -Endpoint $script:Emulator.Endpoint
    }
}
