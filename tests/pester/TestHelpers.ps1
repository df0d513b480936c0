# Shared by the *.Tests.ps1 files: dot-source it in BeforeAll.

function New-TestServiceName {
    # A service name no other test uses.
    'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 10)
}

function New-TestConfiguration {
    # A .cscfg with one role of $Instances instances and a Release setting to tell versions apart.
    param([string] $Release = 'v1', [int] $Instances = 2)
    @"
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="app" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
  <Role name="WebRole1">
    <Instances count="$Instances" />
    <ConfigurationSettings><Setting name="Release" value="$Release" /></ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"@
}

function New-TestPackageUrl {
    param([string] $Release = 'v1')
    "https://example.blob.core.windows.net/packages/app-$Release.cspkg?sv=2017-04-17&sr=b&sig=test"
}

function New-TestDeployment {
    # A new service with a running deployment in $Slot (and the other slot too with -BothSlots); returns the service name.
    param([string] $Slot = 'Production', [switch] $BothSlots)
    $service = New-TestServiceName
    New-CloudService -ServiceName $service -Location 'West Europe' | Out-Null
    $slots = if ($BothSlots) { 'Production', 'Staging' } else { $Slot }
    foreach ($s in $slots) {
        New-Deployment -ServiceName $service -Slot $s -DeploymentName "$($s.ToLowerInvariant())-v1" -Label v1 -StartDeployment -Wait `
            -Package (New-TestPackageUrl v1) -Configuration (New-TestConfiguration v1) | Out-Null
    }
    $service
}

function Invoke-TestPwsh {
    # Runs $Script in a fresh pwsh -NoProfile -NonInteractive (the same pwsh as this one: the local tool
    # under `dotnet pwsh`, or an installed pwsh) with $Environment added or, for $null values, removed.
    # Returns ExitCode, Output and Error as the user would read them.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSeconds = 180, [string] $WorkingDirectory = (Get-Location).Path)
    $file = Join-Path ([IO.Path]::GetTempPath()) "classicdeploy-pester-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -Path $file -Value $Script -Encoding utf8
    $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($start.FileName) -eq 'dotnet') {
        $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $file) { $start.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { [void]$start.Environment.Remove($name) } else { $start.Environment[$name] = [string]$Environment[$name] }
    }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $WorkingDirectory
    $process = [Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "pwsh did not finish within $TimeoutSeconds s: $($stdout.Result)"
        }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
    }
    finally {
        $process.Dispose()
        Remove-Item $file -ErrorAction Ignore
    }
}
