#!/bin/sh
# Chromium for the publish step (scripts/snapshot.mjs) when it runs as root, as in a
# container or CI. Chromium will not start its sandbox as root, and the pages it renders
# carry news from the backend, so it is started as an unprivileged user instead (`nobody`,
# or VESTNIK_RENDER_USER), with its sandbox on. Playwright made the profile folder as root:
# it is handed to that user first. setpriv is util-linux's, on every Debian system.
set -eu
user=${VESTNIK_RENDER_USER:-nobody}
uid=$(id -u "$user")
gid=$(id -g "$user")
profile=
for arg in "$@"; do
  case $arg in
    --user-data-dir=*) profile=${arg#--user-data-dir=} ;;
  esac
done
if [ -n "$profile" ]; then
  chown -R "$uid:$gid" "$profile"
  export HOME="$profile"
fi
exec setpriv --reuid="$uid" --regid="$gid" --clear-groups -- "${VESTNIK_CHROMIUM:-/usr/bin/chromium}" "$@"
