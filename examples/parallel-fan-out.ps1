<#
.SYNOPSIS
    Upgrades a fleet of cloud services in parallel: all at once, then in lock-step waves per upgrade domain.

.DESCRIPTION
    Every Service Management mutation is asynchronous: the service accepts it at once and works on
    it while the client goes on. So one runspace upgrades many services in parallel by starting
    every operation first (without -Wait) and then waiting for all of them with
    Wait-DeploymentOperation; the upgrades run at the same time in the service. (ForEach-Object
    -Parallel or a runspace pool add nothing here but threads; if you use them, pass each runspace
    a context with -Context, since every runspace has its own default connection.)

    1. A fleet of services, each with v1 in production, created in parallel.
    2. An automatic upgrade of the whole fleet to v2 at once.
    3. A manual upgrade to v3 in waves: upgrade domain 1 on every service, check the fleet, then
       domain 2, and so on - a bad release stops after one domain everywhere.

    It expects a connected session. In pwsh (`dotnet tool restore`, then `dotnet pwsh`) or Windows
    PowerShell, after building (dotnet build src/ClassicDeploy):

        Import-Module ./out/ClassicDeploy/ClassicDeploy.psd1
        Start-ClassicDeployEmulator
        ./examples/parallel-fan-out.ps1 -Count 8
        Stop-ClassicDeployEmulator
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 50)]
    [int] $Count = 4,
    [string] $Prefix = 'fleet-' + [guid]::NewGuid().ToString('N').Substring(0, 4),
    [string] $Location = 'West Europe',
    [string] $PackageUrl = 'https://contoso.blob.core.windows.net/packages/fleet-{0}.cspkg?sv=2017-04-17&sr=b&sig=demo'
)

$ErrorActionPreference = 'Stop'

function New-ServiceConfiguration {
    param([string] $Release)
    @"
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="fleet" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
  <Role name="Api">
    <Instances count="3" />
    <ConfigurationSettings>
      <Setting name="Release" value="$Release" />
    </ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"@
}

function Get-Fleet {
    # The production deployments of the fleet: Get-CloudService fans out into Get-Deployment.
    Get-CloudService | Where-Object { $names -contains $_.ServiceName } | Get-Deployment -Slot Production
}

function Wait-FleetReady {
    # A walk's success is not readiness: the walked instances restart on the new release afterwards.
    # Waits until every instance of the fleet is ReadyRole, or $Timeout, and returns the fleet.
    param([timespan] $Timeout = [timespan]::FromMinutes(15))
    $deadline = [datetime]::UtcNow + $Timeout
    while ($true) {
        $fleet = @(Get-Fleet)
        if (-not ($fleet | Where-Object { $_.InstancesReady -lt $_.InstancesTotal }) -or [datetime]::UtcNow -ge $deadline) { return $fleet }
        Start-Sleep -Milliseconds 250
    }
}

$names = 1..$Count | ForEach-Object { '{0}-{1:00}' -f $Prefix, $_ }

"== 1. $Count services, each with v1 in production, created in parallel"
$names | ForEach-Object { New-CloudService -ServiceName $_ -Location $Location } | Out-Null
$created = $names | ForEach-Object {
    New-Deployment -ServiceName $_ -Slot Production -DeploymentName ('api-' + $_.Substring($_.Length - 2)) -Label v1 -StartDeployment `
        -Package ($PackageUrl -f 'v1') -Configuration (New-ServiceConfiguration -Release v1)
}
"$(@($created).Count) deployments accepted; waiting for all of them"
$created | Wait-DeploymentOperation | Out-Host

"== 2. Automatic upgrade of the whole fleet to v2, all at once"
$upgrades = Get-Fleet | Invoke-UpgradeDeployment -Mode Auto -Label v2 -Package ($PackageUrl -f 'v2') -Configuration (New-ServiceConfiguration -Release v2)
"$(@($upgrades).Count) upgrades in flight: $((Get-Fleet | Where-Object { $_.Locked }).Count) deployments locked right now"
$upgrades | Wait-DeploymentOperation | Out-Host
$stale = @(Get-Fleet | Where-Object { $_.Label -ne 'v2' })
if ($stale.Count -gt 0) { throw "Not on v2: $(($stale | ForEach-Object { $_.ServiceName }) -join ', ')" }

"== 3. Manual upgrade to v3 in waves: one upgrade domain on every service, a fleet check, then the next"
Get-Fleet | Invoke-UpgradeDeployment -Mode Manual -Label v3 -Package ($PackageUrl -f 'v3') -Configuration (New-ServiceConfiguration -Release v3) |
    Wait-DeploymentOperation | Out-Null
$wave = 0
while ($true) {
    $pending = @(Get-Fleet | Where-Object { $_.UpgradeStatus })
    if ($pending.Count -eq 0) { break }
    $wave++
    "Wave ${wave}: upgrade domain $($pending[0].UpgradeStatus.CurrentUpgradeDomain + 1) of $($pending[0].UpgradeDomainCount) on $($pending.Count) services"
    $walks = $pending | Step-UpgradeDomain
    $walks | Wait-DeploymentOperation | Out-Host
    $unhealthy = @(Wait-FleetReady | Where-Object { $_.InstancesReady -lt $_.InstancesTotal })
    if ($unhealthy.Count -gt 0) { throw "Fleet check failed after wave ${wave}: $(($unhealthy | ForEach-Object { $_.ServiceName }) -join ', ')" }
    "  fleet check passed after wave $wave"
}

$fleet = @(Get-Fleet)
$fleet | Out-Host
$done = @($fleet | Where-Object { $_.Label -eq 'v3' -and -not $_.UpgradeStatus })
if ($done.Count -ne $Count) { throw "Only $($done.Count) of $Count services run v3." }
"== Done: all $Count services run v3 after $wave waves."
