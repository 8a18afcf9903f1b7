@echo off
rem Starts the Kairan desktop client of this installation (no native launcher: the Equinox launcher
rem jar runs on Java 21 or newer, from %JAVA_HOME% or the PATH; an older Java is refused by the launcher).
rem   kairan.cmd [-nl ja^|en] [other application arguments]
rem Server offered at login: %KAIRAN_SERVER% (else the last one used). Workspace: %KAIRAN_WORKSPACE%
rem (default %USERPROFILE%\.kairan\workspace). Extra JVM options: %KAIRAN_VM_ARGS%.
setlocal
set "HERE=%~dp0"
set "JAVA=javaw.exe"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\javaw.exe"
set "LAUNCHER="
for %%F in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fF"
if not defined LAUNCHER (echo kairan: no Equinox launcher in %HERE%plugins & exit /b 1)
if not defined KAIRAN_WORKSPACE set "KAIRAN_WORKSPACE=%USERPROFILE%\.kairan\workspace"
set "SERVER_ARG="
if defined KAIRAN_SERVER set "SERVER_ARG=-Dkairan.server=%KAIRAN_SERVER%"
cd /d "%HERE%"
start "Kairan" "%JAVA%" -Dosgi.requiredJavaVersion=21 "-Dosgi.instance.area=%KAIRAN_WORKSPACE%" -Dfile.encoding=UTF-8 -Xms64m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %SERVER_ARG% %KAIRAN_VM_ARGS% -jar "%LAUNCHER%" %*
endlocal
