; Inno Setup 6 script for cxassist on Windows (UNTESTED until .github/workflows/installers.yml has run it).
; Build: iscc /DAppVersion=0.1.0 /DBundle=..\..\dist\cxassist installer\windows\cxassist.iss
;
; Per-machine install into Program Files, a Start menu entry, the tel: URL handler (registered as a capability that
; IT or the user makes the default), and the site file under %PROGRAMDATA%\cxassist. Silent install for IT:
;   cxassist-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CLOSEAPPLICATIONS /SITECONFIG="\\srv\it\site.toml"
; /SITECONFIG copies IT's site file into place (replacing the one there); without it, an existing site file is kept
; and a fresh install gets a template with every setting commented out.
; Running instances are closed first (Restart Manager; CloseApplications=force), as the Linux packages do. Each
; user's data (%LOCALAPPDATA%\cxassist) is never touched: an upgrade keeps it and the app migrates the database
; after a backup at its next start. Uninstall keeps %PROGRAMDATA%\cxassist unless run with /PURGE.
; The supervisor console's charts (dist\cxassist-charts, built with the bundle) are an optional component, off by
; default; a supervisor's desktop adds them with /COMPONENTS="app,charts" (the dashboard shows tables without them).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\dist\cxassist"
#endif
#ifndef ChartsAddon
  #define ChartsAddon Bundle + "-charts"
#endif

[Setup]
AppId={{6F0A3C2E-5B1D-4E8A-9C7F-2D4B8E1A0C55}
AppName=cxassist
AppVersion={#AppVersion}
AppVerName=cxassist {#AppVersion}
AppPublisher=cxassist
DefaultDirName={autopf}\cxassist
DefaultGroupName=cxassist
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=force
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=cxassist-{#AppVersion}-setup
Compression=lzma2/normal
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\cxassistw.exe
ChangesAssociations=yes
MinVersion=10.0

[Types]
Name: "agent"; Description: "Agent desktop"
Name: "supervisor"; Description: "Supervisor desktop (with the console's charts)"
Name: "custom"; Description: "Custom"; Flags: iscustom

[Components]
Name: "app"; Description: "cxassist"; Types: agent supervisor custom; Flags: fixed
Name: "charts"; Description: "Charts for the supervisor console"; Types: supervisor

[InstallDelete]
; an upgrade without the charts component removes charts of an older version rather than leaving them mismatched
Type: filesandordirs; Name: "{app}\addons\charts"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Components: app; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#ChartsAddon}\*"; DestDir: "{app}\addons\charts"; Components: charts; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "site.toml"; DestDir: "{commonappdata}\cxassist"; Flags: onlyifdoesntexist uninsneveruninstall

[Dirs]
; Agents may read the site file but not change it.
Name: "{commonappdata}\cxassist"; Permissions: users-readexec admins-full system-full; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\cxassist"; Filename: "{app}\cxassistw.exe"; Comment: "Contact-centre assistant"

[Registry]
; tel: links: cxassist registers as a handler; Windows asks the user, or IT sets the default with a default-app
; associations XML (Dism /Online /Import-DefaultAppAssociations:file.xml).
Root: HKLM; Subkey: "Software\Classes\cxassist.tel"; ValueType: string; ValueData: "URL:Telephone number"; Flags: uninsdeletekey
Root: HKLM; Subkey: "Software\Classes\cxassist.tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKLM; Subkey: "Software\Classes\cxassist.tel\DefaultIcon"; ValueType: string; ValueData: "{app}\cxassistw.exe,0"
Root: HKLM; Subkey: "Software\Classes\cxassist.tel\shell\open\command"; ValueType: string; ValueData: """{app}\cxassistw.exe"" pop ""%1"""
Root: HKLM; Subkey: "Software\cxassist\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "cxassist"; Flags: uninsdeletekey
Root: HKLM; Subkey: "Software\cxassist\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Shows who is calling"
Root: HKLM; Subkey: "Software\cxassist\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "cxassist.tel"
Root: HKLM; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "cxassist"; ValueData: "Software\cxassist\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\cxassistw.exe"; Description: "Start cxassist"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurStepChanged(CurStep: TSetupStep);
var
  Source: String;
begin
  if CurStep = ssPostInstall then begin
    Source := ExpandConstant('{param:SITECONFIG|}');
    if Source <> '' then begin
      if not FileCopy(Source, ExpandConstant('{commonappdata}\cxassist\site.toml'), False) then
        Log('Could not copy the site file from ' + Source);
    end;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (Pos('/PURGE', Uppercase(GetCmdTail)) > 0) then
    DelTree(ExpandConstant('{commonappdata}\cxassist'), True, True, True);
end;
