# Shell snippet (POSIX sh), included by the .deb maintainer scripts and install.sh: stop cxassist processes that run
# from the install folder before its files are replaced or removed.
#
# Why stop them: a running cxassist reads parts of itself from disk after it has started (Qt plugins, Python modules
# from its archive, migration scripts); once the files are replaced it could crash at any later moment, in the middle
# of a call. Stopping it first is safe for data: a save is acknowledged only after it commits, and the call form in
# progress is kept as a draft that the next start offers to restore. SIGTERM first, SIGKILL after 10 seconds.
cxassist_stop_running() {
    folder=$1
    pids=""
    for link in /proc/[0-9]*/exe; do
        target=$(readlink "$link" 2>/dev/null) || continue
        case "$target" in
            "$folder/cxassist" | "$folder/cxassist (deleted)")
                pid=${link#/proc/}
                pids="$pids ${pid%/exe}"
                ;;
        esac
    done
    [ -n "$pids" ] || return 0
    set -- $pids
    echo "cxassist: stopping $# running instance(s) of cxassist before its files change; saved calls are kept and an" \
        "unsaved call form is offered as a draft at the next start." >&2
    kill -TERM $pids 2>/dev/null || true
    tries=0
    while [ $tries -lt 20 ]; do
        alive=""
        for pid in $pids; do
            [ -d "/proc/$pid" ] && alive="$alive $pid"
        done
        [ -n "$alive" ] || return 0
        sleep 0.5
        tries=$((tries + 1))
    done
    kill -KILL $alive 2>/dev/null || true
}
