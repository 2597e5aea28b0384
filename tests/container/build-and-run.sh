#!/usr/bin/env bash
# Proof that the Dockerfile builds and runs, on a machine with podman but no Docker engine and no
# container registry (docs/OPERATIONS.md, "Container"). Not run by CI.
#
#   sudo bash tests/container/build-and-run.sh
#
#  1. installs podman, buildah, debootstrap, runc when missing (Debian 12);
#  2. builds local stand-ins for the Dockerfile's base images — debian:bookworm-slim from a debootstrap
#     rootfs, mcr.microsoft.com/dotnet/sdk:10.0 and mcr.microsoft.com/dotnet/aspnet:10.0 from that
#     rootfs plus this machine's /usr/share/dotnet — so the Dockerfile builds unchanged with --pull=never;
#  3. builds the image with the host's NuGet cache mounted read-only (every version is pinned);
#  4. runs it, waits for /health, checks /health/ready, creates an administrator with the CLI inside
#     the container (--password-stdin), then signs in with password + TOTP, creates a personal access
#     token and opens a case through the API (tests/container/api_proof.py);
#  5. removes the container (the images stay, so a second run takes ~25 s instead of ~1 min).
# Environment: WORK (default /var/tmp/takedowndesk-container), PORT (18080), KEEP=1 keeps the container.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
readonly REPO=$PWD
readonly WORK=${WORK:-/var/tmp/takedowndesk-container}
readonly PORT=${PORT:-18080}
readonly IMAGE=localhost/takedowndesk:proof
readonly NAME=takedowndesk-proof
readonly BASE=localhost/takedowndesk-bookworm-base:latest
readonly DOTNET_ROOT_HOST=${DOTNET_ROOT_HOST:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
readonly ADMIN_EMAIL=admin@example.org
ADMIN_PASSWORD="Proof-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
readonly ADMIN_PASSWORD

step() { printf '\n==> %s (at %ss)\n' "$*" "$SECONDS"; }

step "tools"
missing=()
for tool in podman buildah debootstrap runc; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah debootstrap runc
fi
mkdir -p "$WORK"
# This VM: runc (crun is not set up) and explicit ulimits (podman's defaults exceed the VM's hard limits).
cat > "$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$WORK/containers.conf

step "base image: debootstrap rootfs (debian:bookworm-slim stand-in)"
if ! podman image exists "$BASE"; then
  # The mirror apt uses here (active "URIs:" or "deb" lines only, not comments), unless MIRROR is given.
  mirror=${MIRROR:-$(grep -rhE '^(URIs:|deb) ' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | grep -oE 'https?://[^ ]*/debian/?( |$)' | grep -v security | head -1 | tr -d ' ' || true)}
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "mirror: $mirror"
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$WORK/rootfs" "$mirror"
  tar -C "$WORK/rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$BASE"
fi
podman tag "$BASE" docker.io/library/debian:bookworm-slim

step "sdk and aspnet stand-ins from $DOTNET_ROOT_HOST"
# Same ASP.NET Core runtime as the SDK's, so the app built by the sdk stand-in runs on the aspnet one.
standin() { # standin IMAGE_NAME DIRECTORY...
  local image=$1; shift
  local ctr
  ctr=$(buildah from --pull-never "$BASE")
  for dir in "$@"; do
    buildah copy --quiet "$ctr" "$DOTNET_ROOT_HOST/$dir" "/usr/share/dotnet/$dir" >/dev/null
  done
  buildah copy --quiet "$ctr" "$DOTNET_ROOT_HOST/dotnet" /usr/share/dotnet/dotnet >/dev/null
  # The host's CA bundle: where NuGet is reached through a TLS-inspecting egress proxy, restore inside
  # the build needs the proxy's CA (NU1301 UntrustedRoot otherwise), exactly like the host.
  buildah copy --quiet "$ctr" /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt >/dev/null
  buildah config --env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    ${NUGET_CERT_REVOCATION_MODE:+--env NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE} "$ctr"
  buildah config --env DOTNET_ROOT=/usr/share/dotnet \
    --env PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$ctr"
  buildah commit --quiet --rm "$ctr" "$image" >/dev/null
}
podman image exists mcr.microsoft.com/dotnet/aspnet:10.0 || standin mcr.microsoft.com/dotnet/aspnet:10.0 host shared
podman image exists mcr.microsoft.com/dotnet/sdk:10.0 || standin mcr.microsoft.com/dotnet/sdk:10.0 host shared sdk packs templates sdk-manifests

step "podman build (Dockerfile unchanged, --pull=never, NuGet cache read-only)"
# --format docker: the OCI format has no HEALTHCHECK, and podman would drop the Dockerfile's.
podman build --pull=never --format docker -t "$IMAGE" \
  -v "${NUGET_PACKAGES:-$HOME/.nuget/packages}:/root/.nuget/packages:ro" \
  -f Dockerfile "$REPO"

step "run"
podman rm -f "$NAME" >/dev/null 2>&1 || true
cleanup() {
  if [ "${KEEP:-0}" != 1 ]; then
    podman rm -f "$NAME" >/dev/null 2>&1 || true
    podman volume rm -f takedowndesk-proof-data >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
podman run -d --name "$NAME" -p "127.0.0.1:$PORT:8080" -v takedowndesk-proof-data:/data \
  -e Scheduling__Enabled=true "$IMAGE" >/dev/null
for _ in $(seq 90); do
  if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; then break; fi
  sleep 1
done
printf '/health: %s\n' "$(curl -sf "http://127.0.0.1:$PORT/health")"
printf '/health/ready: %s\n' "$(curl -s "http://127.0.0.1:$PORT/health/ready")"
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null
# (podman logs "unable to get systemd connection" here: without systemd it cannot schedule the periodic check; the manual run below works.)
podman healthcheck run "$NAME" && echo "image HEALTHCHECK (/health/ready inside the container): healthy"

step "a second instance on the same /data refuses to start"
if podman exec "$NAME" dotnet TakedownDesk.Web.dll --urls http://127.0.0.1:8081 2>"$WORK/second.err"; then
  echo "a second instance started on the same database" >&2
  exit 1
fi
grep -q "already running" "$WORK/second.err" && echo "refused: $(head -c 120 "$WORK/second.err")…"

step "administrator through the CLI inside the container, then a case through the API"
printf '%s\n' "$ADMIN_PASSWORD" | podman exec -i "$NAME" dotnet TakedownDesk.Web.dll create-admin "$ADMIN_EMAIL" --password-stdin
python3 "$REPO/tests/container/api_proof.py" "http://127.0.0.1:$PORT" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"

step "online backup inside the container"
podman exec "$NAME" dotnet TakedownDesk.Web.dll backup /data/backups/proof.db

printf '\nOK: image built and ran; health, single instance, sign-in with TOTP, a case over the API and a backup all worked (%ss).\n' "$SECONDS"
