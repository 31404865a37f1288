#!/usr/bin/env bash
# A local Debian bookworm base image for machines that cannot pull from a container registry
# but can reach Debian's apt repositories:
#
#   bash scripts/container/debian-base.sh TARBALL
#
# Writes TARBALL (a root filesystem made by debootstrap --variant=minbase) unless it exists;
# delete it to make a fresh one. Import it with
#   podman import --change 'CMD ["bash"]' TARBALL localhost/debian:bookworm
# Like the official debian:bookworm image (debuerreotype), it has bookworm, bookworm-updates
# and bookworm-security in its sources, keeps no package lists, .debs or apt's binary caches,
# and downloads no translations. Needs root, debootstrap and debian-archive-keyring.
set -euo pipefail
tarball=${1:?usage: debian-base.sh TARBALL}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
[ -s "$tarball" ] && exit 0

mkdir -p "$(dirname "$tarball")"
root=$(mktemp -d "$(dirname "$tarball")/rootfs.XXXXXX")
log=$root.log
trap 'rm -rf "$root" "$log" "$tarball.partial"' EXIT
# Two tries: a download can fail on a busy mirror.
for attempt in 1 2; do
    if debootstrap --variant=minbase bookworm "$root" "$mirror" >"$log" 2>&1; then break; fi
    tail -20 "$log" >&2
    if [ "$attempt" = 2 ]; then echo "debootstrap failed" >&2; exit 1; fi
    echo "debootstrap failed; trying once more" >&2
    rm -rf "$root"; mkdir "$root"
done

cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/tmp/*
# No machine identity baked into the image.
: >"$root/etc/machine-id"
echo "bookworm-minbase" >"$root/etc/hostname"

chmod 0755 "$root"  # mktemp made it 0700: the image's / would be closed to non-root users
tar --numeric-owner --xattrs -C "$root" -cf "$tarball.partial" .
mv "$tarball.partial" "$tarball"
