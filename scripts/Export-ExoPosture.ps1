<#
.SYNOPSIS
    Exports the Exchange Online mail-flow settings that exo-posture assesses, read-only, as one JSON
    bundle for `exo-posture assess --tenant-bundle <file>`.

.DESCRIPTION
    For tenants that cannot (or will not yet) grant exo-posture an app registration. A tenant admin
    connects with the ExchangeOnlineManagement module as usual and runs this script; it runs only
    these read-only cmdlets and changes nothing:

        Get-AcceptedDomain, Get-InboundConnector, Get-OutboundConnector, Get-DkimSigningConfig,
        Get-ArcConfig, Get-TransportRule, Get-OrganizationConfig, Get-AntiPhishPolicy, and for each
        accepted domain
        (except *.onmicrosoft.com) Get-DnssecStatusForVerifiedDomain and Get-SmtpDaneInboundStatus.

    The bundle keeps each cmdlet's own property names. Values are written plainly: enums by name,
    multi-valued properties as lists, dates in ISO 8601. A cmdlet that fails is recorded under
    "errors" (never left out silently), and PowerShell warnings under "warnings", so exo-posture can
    tell "not collected" from "none configured".

    With -IncludeGraph, the organization and its domains are read from Microsoft Graph as well
    (Microsoft.Graph.Authentication, connected with Connect-MgGraph -Scopes Organization.Read.All,
    Domain.Read.All). Without it, the Graph sections of the evidence say "not collected".

    The bundle holds configuration, not secrets: no tokens, passwords or keys are read or written.
    It is written in one step, so an interrupted run leaves no half-written bundle behind.

    Least privilege: the Global Reader role (or View-Only Organization Management in Exchange) is
    enough for every cmdlet above.

.PARAMETER OutFile
    Where to write the bundle (JSON, UTF-8). An existing file is replaced.

.PARAMETER IncludeGraph
    Also read GET /v1.0/organization and /v1.0/domains through Invoke-MgGraphRequest (requires an
    existing Connect-MgGraph session).

.PARAMETER Connect
    Run Connect-ExchangeOnline (interactive sign-in) when no Exchange Online session is open.

.PARAMETER Cloud
    The Microsoft cloud the tenant lives in, named as exo-posture's --cloud names it: global (the
    default, also GCC), gcc, gcchigh, dod or china. With -Connect, it picks
    Connect-ExchangeOnline -ExchangeEnvironmentName (O365Default, O365USGovGCCHigh, O365USGovDoD,
    O365China), so the path without an app registration works in every cloud. For -IncludeGraph,
    connect Microsoft Graph to the same cloud (Connect-MgGraph -Environment USGov, USGovDoD or China).

.EXAMPLE
    Connect-ExchangeOnline -UserPrincipalName reader@contoso.gov.uk -ShowBanner:$false
    .\Export-ExoPosture.ps1 -OutFile .\contoso-bundle.json

    Then, on any machine: exo-posture assess --tenant-bundle contoso-bundle.json

.EXAMPLE
    Connect-MgGraph -Scopes Organization.Read.All, Domain.Read.All -NoWelcome
    .\Export-ExoPosture.ps1 -OutFile .\contoso-bundle.json -IncludeGraph -Connect

.EXAMPLE
    .\Export-ExoPosture.ps1 -OutFile .\agency-bundle.json -Connect -Cloud gcchigh

    Signs in to Exchange Online in GCC High (-ExchangeEnvironmentName O365USGovGCCHigh).

.NOTES
    Format: exo-posture-bundle/1. Runs on Windows PowerShell 5.1 and PowerShell 7 with
    ExchangeOnlineManagement 3.x.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $OutFile,

    [switch] $IncludeGraph,

    [switch] $Connect,

    [ValidateSet('global', 'gcc', 'gcchigh', 'dod', 'china')]
    [string] $Cloud = 'global'
)

Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'

$BundleFormat = 'exo-posture-bundle/1'
$ScriptVersion = '3'

# Connect-ExchangeOnline -ExchangeEnvironmentName per cloud (ExchangeOnlineManagement: O365Default,
# O365USGovGCCHigh, O365USGovDoD, O365China). GCC (moderate) signs in as the commercial cloud.
$ExchangeEnvironments = @{
    global  = 'O365Default'
    gcc     = 'O365Default'
    gcchigh = 'O365USGovGCCHigh'
    dod     = 'O365USGovDoD'
    china   = 'O365China'
}

# The only cmdlets this script runs. All Get-*: checked below, so an edit cannot slip in a Set-*.
$TenantCmdlets = [ordered]@{
    'Get-AcceptedDomain'     = @{ ResultSize = 'Unlimited' }
    'Get-InboundConnector'   = @{}
    'Get-OutboundConnector'  = @{}
    'Get-DkimSigningConfig'  = @{}
    'Get-ArcConfig'          = @{}
    'Get-TransportRule'      = @{ ResultSize = 'Unlimited' }
    'Get-OrganizationConfig' = @{}
    'Get-AntiPhishPolicy'    = @{}
}
$PerDomainCmdlets = @('Get-DnssecStatusForVerifiedDomain', 'Get-SmtpDaneInboundStatus')

foreach ($name in @($TenantCmdlets.Keys) + $PerDomainCmdlets) {
    if ($name -notlike 'Get-*') { throw "refusing to run ${name}: this script only reads" }
}

# Remoting noise that is not part of the cmdlet's output.
$SkipProperties = @('PSComputerName', 'RunspaceId', 'PSShowComputerName')

function ConvertTo-PlainValue {
    param($Value, [int] $Depth = 0)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string] -or $Value -is [bool] -or $Value -is [char]) { return $Value }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [double] -or $Value -is [decimal] -or
        $Value -is [int16] -or $Value -is [byte] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [single]) {
        return $Value
    }
    if ($Value -is [enum]) { return $Value.ToString() }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString('o') }
    if ($Value -is [System.Collections.IDictionary]) {
        $out = [ordered]@{}
        foreach ($key in $Value.Keys) { $out["$key"] = ConvertTo-PlainValue -Value $Value[$key] -Depth ($Depth + 1) }
        return $out
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        # Multi-valued properties: always a list, even with one item.
        return , @(foreach ($item in $Value) { ConvertTo-PlainValue -Value $item -Depth ($Depth + 1) })
    }
    # Exchange value types (SmtpDomain, IPRange, SmartHost, ByteQuantifiedSize …) print as their
    # value. Objects that print only their type name are nested records: keep their properties.
    $text = "$Value"
    $typeName = $Value.GetType().FullName
    $isRecord = ($text -eq $typeName) -or ($text -like '@{*') -or ($text -like 'System.*') -or ($text -like 'Deserialized.*')
    if ($isRecord -and $Depth -lt 4) { return ConvertTo-PlainObject -InputObject $Value -Depth ($Depth + 1) }
    return $text
}

function ConvertTo-PlainObject {
    param($InputObject, [int] $Depth = 0)
    $out = [ordered]@{}
    foreach ($p in $InputObject.PSObject.Properties) {
        if ($SkipProperties -contains $p.Name) { continue }
        if ($p.MemberType -notin @('Property', 'NoteProperty', 'AliasProperty')) { continue }
        try { $value = $p.Value } catch { continue }
        $out[$p.Name] = ConvertTo-PlainValue -Value $value -Depth $Depth
    }
    return $out
}

function Invoke-ReadOnly {
    param([string] $Name, [hashtable] $Parameters)
    $warnings = $null
    $objects = @(& $Name @Parameters -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop)
    [pscustomobject]@{
        Objects  = @($objects | ForEach-Object { ConvertTo-PlainObject -InputObject $_ })
        Warnings = @($warnings | ForEach-Object { "$_" })
    }
}

# --- The Exchange Online session --------------------------------------------------------------
if (-not (Get-Command Get-ConnectionInformation -ErrorAction SilentlyContinue)) {
    throw 'ExchangeOnlineManagement 3.x is required: Install-Module ExchangeOnlineManagement -Scope CurrentUser'
}
$connection = @(Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' }) | Select-Object -First 1
if (-not $connection) {
    if (-not $Connect) { throw 'No Exchange Online session: run Connect-ExchangeOnline first, or add -Connect' }
    Connect-ExchangeOnline -ShowBanner:$false -ExchangeEnvironmentName $ExchangeEnvironments[$Cloud]
    $connection = @(Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' }) | Select-Object -First 1
}
$tenantId = "$($connection.TenantID)"
if (-not $tenantId) { throw 'Could not tell which tenant this session is connected to (Get-ConnectionInformation has no TenantID)' }

$collectedAt = (Get-Date).ToUniversalTime().ToString('o')
$cmdlets = [ordered]@{}
$errors = [ordered]@{}
$warningsByCmdlet = [ordered]@{}

# --- Tenant-wide cmdlets ----------------------------------------------------------------------
foreach ($name in $TenantCmdlets.Keys) {
    Write-Verbose "Running $name"
    try {
        $result = Invoke-ReadOnly -Name $name -Parameters $TenantCmdlets[$name]
        $cmdlets[$name] = $result.Objects
        if ($result.Warnings.Count -gt 0) { $warningsByCmdlet[$name] = $result.Warnings }
    }
    catch {
        $errors[$name] = $_.Exception.Message
    }
}

# Get-OutboundConnector lists connectors in test mode only with -IncludeTestModeConnectors $true,
# and then only those: ask again and add them, so a connector in test mode is never missed.
if ($cmdlets.Contains('Get-OutboundConnector')) {
    $outboundWarnings = @(if ($warningsByCmdlet.Contains('Get-OutboundConnector')) { $warningsByCmdlet['Get-OutboundConnector'] })
    try {
        $testMode = Invoke-ReadOnly -Name 'Get-OutboundConnector' -Parameters @{ IncludeTestModeConnectors = $true }
        $cmdlets['Get-OutboundConnector'] = @($cmdlets['Get-OutboundConnector']) + @($testMode.Objects)
        $outboundWarnings += @($testMode.Warnings)
    }
    catch {
        # Kept as a warning: the list is then possibly incomplete, never taken as complete.
        $outboundWarnings += "connectors in test mode could not be listed (Get-OutboundConnector -IncludeTestModeConnectors `$true: $($_.Exception.Message))"
    }
    if ($outboundWarnings.Count -gt 0) { $warningsByCmdlet['Get-OutboundConnector'] = $outboundWarnings }
}

# --- Per accepted domain ----------------------------------------------------------------------
# The same domains exo-posture asks about live: every accepted domain but Microsoft-hosted ones.
$domains = @()
if ($cmdlets.Contains('Get-AcceptedDomain')) {
    $domains = @($cmdlets['Get-AcceptedDomain'] | ForEach-Object { "$($_['DomainName'])".ToLowerInvariant().TrimEnd('.') } |
        Where-Object { $_ -and $_ -notmatch '(^|\.)(onmicrosoft\.com|onmicrosoft\.us|partner\.onmschina\.cn)$' } |
        Sort-Object -Unique)
}
foreach ($name in $PerDomainCmdlets) {
    if (-not $cmdlets.Contains('Get-AcceptedDomain')) {
        $errors[$name] = 'not run: Get-AcceptedDomain failed, so the accepted domains are unknown'
        continue
    }
    if (-not (Get-Command $name -ErrorAction SilentlyContinue)) {
        $errors[$name] = "$name is not available in this session (update ExchangeOnlineManagement, or the role lacks it)"
        continue
    }
    $byDomain = [ordered]@{}
    $domainErrors = [ordered]@{}
    foreach ($domain in $domains) {
        Write-Verbose "Running $name -DomainName $domain"
        try { $byDomain[$domain] = (Invoke-ReadOnly -Name $name -Parameters @{ DomainName = $domain }).Objects }
        catch { $domainErrors[$domain] = $_.Exception.Message }
    }
    $cmdlets[$name] = $byDomain
    if ($domainErrors.Count -gt 0) { $errors[$name] = $domainErrors }
}

# --- Microsoft Graph (optional) ---------------------------------------------------------------
$graph = $null
if ($IncludeGraph) {
    if (-not (Get-Command Invoke-MgGraphRequest -ErrorAction SilentlyContinue)) {
        throw '-IncludeGraph needs Microsoft.Graph.Authentication: Install-Module Microsoft.Graph.Authentication, then Connect-MgGraph -Scopes Organization.Read.All, Domain.Read.All'
    }
    $graph = [ordered]@{}
    foreach ($path in @('organization', 'domains')) {
        $items = @()
        $uri = "/v1.0/$path"
        $pages = 0
        while ($uri -and $pages -lt 50) {
            $page = Invoke-MgGraphRequest -Method GET -Uri $uri -OutputType Json | ConvertFrom-Json
            $items += @($page.value)
            $uri = if ($page.PSObject.Properties['@odata.nextLink']) { $page.'@odata.nextLink' } else { $null }
            $pages++
        }
        $graph[$path] = [ordered]@{ value = $items }
    }
}

# --- The bundle -------------------------------------------------------------------------------
$bundle = [ordered]@{
    format      = $BundleFormat
    tenantId    = $tenantId
    collectedAt = $collectedAt
    tool        = [ordered]@{ name = 'Export-ExoPosture.ps1'; version = $ScriptVersion }
    cmdlets     = $cmdlets
    errors      = $errors
    warnings    = $warningsByCmdlet
}
if ($null -ne $graph) { $bundle['graph'] = $graph }

# Depth 20: ConvertTo-Json's default of 2 would flatten nested values into type names.
$json = $bundle | ConvertTo-Json -Depth 20
# Relative to the PowerShell location, not the process's working directory.
$target = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutFile)
$temporary = "$target.partial"
[System.IO.File]::WriteAllText($temporary, $json, (New-Object System.Text.UTF8Encoding $false))
Move-Item -LiteralPath $temporary -Destination $target -Force

$failed = @($errors.Keys)
Write-Host "Wrote $target ($($cmdlets.Count) cmdlets, tenant $tenantId)."
if ($failed.Count -gt 0) { Write-Warning "Some cmdlets failed and are recorded as errors in the bundle: $($failed -join ', ')" }
