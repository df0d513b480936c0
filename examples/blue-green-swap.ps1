<#
.SYNOPSIS
    Blue-green release of a classic cloud service with a VIP swap, a swap back, and retiring the old slot.

.DESCRIPTION
    Blue (v1) runs in production. Green (v2) is deployed to staging and checked while it takes no
    traffic; a VIP swap then makes green production in seconds (the slots exchange addresses, no
    instance restarts). Blue stays warm in staging, so going back is one more swap. Once green is
    trusted, blue is deleted.

    It expects a connected session. In pwsh (`dotnet tool restore`, then `dotnet pwsh`) or Windows
    PowerShell, after building (dotnet build src/ClassicDeploy):

        Import-Module ./out/ClassicDeploy/ClassicDeploy.psd1
        Start-ClassicDeployEmulator
        ./examples/blue-green-swap.ps1
        Stop-ClassicDeployEmulator
#>
[CmdletBinding()]
param(
    [string] $ServiceName = 'shop-' + [guid]::NewGuid().ToString('N').Substring(0, 6),
    [string] $Location = 'West Europe',
    [string] $PackageUrl = 'https://contoso.blob.core.windows.net/packages/contoso-shop-{0}.cspkg?sv=2017-04-17&sr=b&sig=demo'
)

$ErrorActionPreference = 'Stop'

function New-ServiceConfiguration {
    param([string] $Release)
    @"
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="contoso-shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
  <Role name="ShopWeb">
    <Instances count="3" />
    <ConfigurationSettings>
      <Setting name="Release" value="$Release" />
    </ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"@
}

function Wait-InstancesReady {
    # A deployment's success is not readiness: its instances start afterwards. Waits until every
    # instance of $Slot is ReadyRole, or $Timeout (a real role's start timeout is minutes), and returns it.
    param([string] $Slot, [timespan] $Timeout = [timespan]::FromMinutes(15))
    $deadline = [datetime]::UtcNow + $Timeout
    while ($true) {
        $deployment = Get-Deployment -ServiceName $ServiceName -Slot $Slot
        if ($deployment.InstancesReady -eq $deployment.InstancesTotal -or [datetime]::UtcNow -ge $deadline) { return $deployment }
        Start-Sleep -Milliseconds 250
    }
}

function Assert-Production {
    param([string] $DeploymentName)
    $production = Get-Deployment -ServiceName $ServiceName -Slot Production
    if ($production.DeploymentName -ne $DeploymentName) {
        throw "Production should be $DeploymentName but is $($production.DeploymentName)."
    }
    "Production is now $($production.DeploymentName) ($($production.Label)) at $($production.Url)"
}

"== 1. Blue (v1) serves production"
New-CloudService -ServiceName $ServiceName -Location $Location -Label 'Contoso shop' | Out-Null
New-Deployment -ServiceName $ServiceName -Slot Production -DeploymentName shop-blue -Label v1 -StartDeployment -Wait `
    -Package ($PackageUrl -f 'v1') -Configuration (New-ServiceConfiguration -Release v1) | Out-Host

"== 2. Green (v2) goes to staging and is checked before it takes traffic"
New-Deployment -ServiceName $ServiceName -Slot Staging -DeploymentName shop-green -Label v2 -StartDeployment -Wait `
    -Package ($PackageUrl -f 'v2') -Configuration (New-ServiceConfiguration -Release v2) | Out-Host
$green = Wait-InstancesReady -Slot Staging
$green | Out-Host
if ($green.InstancesReady -ne $green.InstancesTotal) { throw "Green is not ready: $($green.InstancesReady) of $($green.InstancesTotal) instances." }
"Green is ready on its private address $($green.Url): $($green.InstancesReady) of $($green.InstancesTotal) instances."

"== 3. VIP swap: green becomes production, blue stays warm in staging"
Switch-DeploymentSlot -ServiceName $ServiceName -WhatIf
Switch-DeploymentSlot -ServiceName $ServiceName -Confirm:$false -Wait | Out-Host
Get-CloudService -ServiceName $ServiceName -IncludeDeployments | ForEach-Object { $_.Deployments } | Out-Host
Assert-Production shop-green

"== 4. Trouble with green? Swapping back is instant, blue never stopped"
Switch-DeploymentSlot -ServiceName $ServiceName -Confirm:$false -Wait | Out-Host
Assert-Production shop-blue

"== 5. Green again, for good: swap forward and retire blue"
Switch-DeploymentSlot -ServiceName $ServiceName -Confirm:$false -Wait | Out-Host
Assert-Production shop-green
Get-Deployment -ServiceName $ServiceName -Slot Staging | Remove-Deployment -Confirm:$false -Wait | Out-Host
$left = @(Get-CloudService -ServiceName $ServiceName -IncludeDeployments | ForEach-Object { $_.Deployments })
if ($left.Count -ne 1) { throw "Only green should be left, found $($left.Count) deployments." }
$left | Out-Host
"== Done: $ServiceName runs $($left[0].DeploymentName) ($($left[0].Label)) in production; staging is empty."
