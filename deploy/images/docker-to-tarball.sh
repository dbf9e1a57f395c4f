#!/usr/bin/env bash
# Stands in for the `docker` command of Jib's docker-daemon output (quarkus.jib.docker-executable-name),
# so a Jib build writes its image to a tarball instead of a daemon: `load` keeps the `docker save`
# stream Jib sends in $RS_IMAGE_TARBALL; `info` and `inspect` describe this machine and that tarball.
set -euo pipefail
out=${RS_IMAGE_TARBALL:?RS_IMAGE_TARBALL names the tarball to write}
case "${1:-}" in
  load)
    cat > "$out"
    echo "Loaded image: $(tar -xOf "$out" manifest.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].RepoTags[0]))')";;
  info)
    echo '{"OSType":"linux","Architecture":"x86_64"}';;
  inspect)
    tar -xOf "$out" manifest.json | node -e '
      const { execFileSync } = require("node:child_process");
      let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => {
        const m = JSON.parse(s)[0];
        const config = execFileSync("tar", ["-xOf", process.argv[1], m.Config]);
        const id = "sha256:" + require("node:crypto").createHash("sha256").update(config).digest("hex");
        const diffIds = JSON.parse(config).rootfs.diff_ids;
        console.log(JSON.stringify({ Id: id, Size: require("node:fs").statSync(process.argv[1]).size, RootFS: { Layers: diffIds } }));
      });' "$out";;
  *)
    echo "docker-to-tarball: only load, info and inspect are supported (got: $*)" >&2; exit 1;;
esac
