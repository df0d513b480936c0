#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Emulator = Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.05 -PassThru
}

AfterAll {
    Stop-ClassicDeployEmulator
}

Describe 'Connect-ClassicDeploy' {
    It 'connects to an endpoint without a certificate and returns the context with -PassThru' {
        $subscription = [guid]::NewGuid().ToString()
        $context = Connect-ClassicDeploy -SubscriptionId $subscription -Endpoint $script:Emulator.Endpoint -PassThru

        $context.SubscriptionId | Should -Be $subscription
        $context.Endpoint | Should -Be $script:Emulator.Endpoint
        $context.IsEmulator | Should -BeTrue
        $context.CertificateThumbprint | Should -BeNullOrEmpty
    }

    It 'makes the new subscription the default of the session' {
        Connect-ClassicDeploy -SubscriptionId ([guid]::NewGuid()) -Endpoint $script:Emulator.Endpoint
        $service = New-TestServiceName
        New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null

        (Get-CloudService).ServiceName | Should -Be @($service)
    }

    It 'uses an explicit -Context instead of the default' {
        $other = Connect-ClassicDeploy -SubscriptionId ([guid]::NewGuid()) -Endpoint $script:Emulator.Endpoint -PassThru
        Connect-ClassicDeploy -SubscriptionId ([guid]::NewGuid()) -Endpoint $script:Emulator.Endpoint
        $service = New-TestServiceName
        New-CloudService -ServiceName $service -Location 'West Europe' -Context $other | Out-Null

        (Get-CloudService -Context $other).ServiceName | Should -Contain $service
        (Get-CloudService).ServiceName | Should -Not -Contain $service
    }

    It 'refuses a certificate file without a private key' {
        $path = Join-Path ([IO.Path]::GetTempPath()) "$([guid]::NewGuid()).pfx"
        Set-Content -Path $path -Value 'not a certificate'
        try {
            { Connect-ClassicDeploy -SubscriptionId ([guid]::NewGuid()) -CertificatePath $path -ErrorAction Stop } | Should -Throw
        }
        finally {
            Remove-Item $path
        }
    }
}

Describe 'Not connected' {
    It 'stops with ClassicDeploy.NotConnected in a runspace that never connected' {
        $ps = [powershell]::Create([initialsessionstate]::CreateDefault2())
        try {
            $script = "Import-Module '$((Get-Module ClassicDeploy).Path)'; try { Get-CloudService } catch { `$_.FullyQualifiedErrorId }"
            $ps.AddScript($script).Invoke() | Should -BeLike 'ClassicDeploy.NotConnected*'
        }
        finally {
            $ps.Dispose()
        }
    }
}
