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
