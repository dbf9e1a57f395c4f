#!/usr/bin/env bash
# Assembles the JVM base image the services' Jib builds start from when no registry can be reached:
# a minimal root filesystem with a jlink'ed Java 17 runtime (the JDK's own modules), the shared
# libraries it links against, and the unprivileged user 10001, written as a `docker save` tarball
# that Jib reads with quarkus.jib.base-jvm-image=tar://<file>. No container engine is needed.
# Production builds use a maintained base image from a registry instead (docs/operations.md).
#   deploy/images/base-image.sh OUTPUT.tar
set -Eeuo pipefail
OUT=$1
JDK=${RS_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}
# the Java SE API plus what Quarkus, Netty, Kafka clients and the ONNX runtime use beyond it
MODULES=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.localedata
[ -x "$JDK/bin/jlink" ] && [ -d "$JDK/jmods" ] || { echo "FAILED: $JDK has no jlink and jmods (install openjdk-17-jdk-headless and openjdk-17-jmods)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/etc" "$root/tmp" "$root/proc" "$root/deployments"
# the image's / must be traversable by the unprivileged user (mktemp made it 0700)
chmod 755 "$root"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java/openjdk"
# the C libraries the runtime links against, from this machine, at the paths the loader expects
for lib in $( { ldd "$root/opt/java/openjdk/bin/java"; find "$root/opt/java/openjdk/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
    | grep -oE '/[^ ]+\.so[^ ]*' | sort -u); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
cat > "$root/etc/passwd" <<'P'
root:x:0:0:root:/root:/sbin/nologin
recruit:x:10001:10001:recruit:/deployments:/sbin/nologin
P
printf 'root:x:0:\nrecruit:x:10001:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
chmod 1777 "$root/tmp"
mkdir -p "$work/image"
tar --create --file "$work/image/layer.tar" --directory "$root" --owner=0 --group=0 --numeric-owner --sort=name --mtime=@0 .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat > "$work/image/config.json" <<C
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],"User":"10001","WorkingDir":"/deployments"},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created_by":"deploy/images/base-image.sh"}]}
C
printf '[{"Config":"config.json","RepoTags":["recruit-suite/jvm-base:17"],"Layers":["layer.tar"]}]\n' > "$work/image/manifest.json"
tar --create --file "$OUT" --directory "$work/image" --owner=0 --group=0 --numeric-owner --mtime=@0 manifest.json config.json layer.tar
echo "base image: $OUT ($(du -h "$OUT" | cut -f1), Java runtime from $JDK)"
