; Included by electron-builder's NSIS script (nsis.include in electron-builder.yml).
;
; Registers Wharf as the handler of ftps:// and ftpes:// links, for the installing user (or the machine,
; for a per-machine install: SHELL_CONTEXT follows the install mode). electron-builder registers the
; `protocols` of its configuration on macOS and Linux only, hence this file.
;
; The command line is `"Wharf.exe" -- "%1"`: after `--` Chromium and Node parse no switches, so nothing in a
; link can become a command-line option (the pattern of CVE-2018-1000006). main/app/protocol-links.ts
; finds the link in process.argv and only fills in the quick connect; the user clicks Connect.

!macro wharfRegisterScheme SCHEME DESCRIPTION
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}" "" "${DESCRIPTION}"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${SCHEME}\shell\open\command" "" '"$appExe" -- "%1"'
!macroend

!macro wharfUnregisterScheme SCHEME
  ; Only remove the key if it is still ours (another client may have taken the scheme over since).
  ; $appExe is set by the install section only, so the uninstaller spells the path out.
  Push $0
  ReadRegStr $0 SHELL_CONTEXT "Software\Classes\${SCHEME}\shell\open\command" ""
  StrCmp $0 '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"' 0 +2
    DeleteRegKey SHELL_CONTEXT "Software\Classes\${SCHEME}"
  Pop $0
!macroend

!macro customInstall
  !insertmacro wharfRegisterScheme "ftps" "URL:FTPS (implicit TLS) link"
  !insertmacro wharfRegisterScheme "ftpes" "URL:FTPES (explicit TLS) link"
!macroend

!macro customUnInstall
  !insertmacro wharfUnregisterScheme "ftps"
  !insertmacro wharfUnregisterScheme "ftpes"
!macroend
