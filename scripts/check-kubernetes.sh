#!/usr/bin/env bash
# Static checks of deploy/kubernetes/, offline (no cluster, no network):
# 1. kubernetes-validate --strict: every manifest against the bundled OpenAPI schemas of the
#    oldest Kubernetes we target (1.30) and of the newest the installed package bundles;
#    an unknown kind/apiVersion (which kubernetes-validate only warns about) is a failure;
# 2. consistency: kustomization.yaml lists every manifest; the ConfigMap's accord.json is JSON
#    with only keys of config/accord.json; every ACCORD_* variable of the Deployment is a
#    setting the server knows (an unknown one makes it exit 2); terminationGracePeriodSeconds
#    exceeds shutdownDelay + drain; the probes ask /healthz and /readyz on 8080;
#    enableServiceLinks is false; selectors match the pod labels; named ports exist;
# 3. checkov --framework kubernetes: no failed check. The few skipped checks are skipped by
#    `checkov.io/skipN: CKV_K8S_xx=reason` annotations in the manifests, each with its reason
#    (deploy/kubernetes/deployment.yaml); this script skips none and fails on a skip without
#    a reason;
# 4. if kubectl is installed: `kubectl kustomize` renders the directory, and the rendered
#    output validates too.
# Needs (not installed here; .ci/run installs them): python3 -m pip install kubernetes-validate checkov
# Exit 77 when they are missing, except under CI=true, where that is a failure (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."

manifests_dir=deploy/kubernetes
oldest_kubernetes=1.30.0

missing=()
command -v kubernetes-validate >/dev/null || missing+=(kubernetes-validate)
command -v checkov >/dev/null || missing+=(checkov)
python3 -c 'import yaml' 2>/dev/null || missing+=(pyyaml)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "check-kubernetes: missing ${missing[*]} (python3 -m pip install kubernetes-validate checkov)" >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
    exit 77
fi

# Offline for sure: in a network namespace of its own (root, as in CI) nothing can leave the
# machine, and an attempt fails at once instead of waiting for a timeout. Where that is not
# permitted the tools still run offline: kubernetes-validate bundles its schemas, and checkov
# is told not to download (below).
offline=()
if unshare --net true 2>/dev/null; then offline=(unshare --net); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t files < <(find "$manifests_dir" -maxdepth 1 -name '*.yaml' ! -name kustomization.yaml | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no manifests in $manifests_dir" >&2; exit 1; }

# 1. Schemas.
newest_kubernetes=$(python3 -c 'import kubernetes_validate.utils as u; print(u.latest_version())')
validate() {
    local output status=0
    output=$("${offline[@]}" kubernetes-validate --quiet --strict -k "$oldest_kubernetes" -k "$newest_kubernetes" "$@" 2>&1) || status=$?
    [ -z "$output" ] || echo "$output"
    # A kind/apiVersion without a schema (a typo, a removed API) is only a WARN with exit 0.
    if [ "$status" -ne 0 ] || grep -q '^WARN\|^ERROR' <<<"$output"; then
        echo "kubernetes-validate: FAILED" >&2; return 1
    fi
}
validate "${files[@]}"
echo "kubernetes-validate: ${#files[@]} manifests valid against Kubernetes $oldest_kubernetes and $newest_kubernetes (strict)"

# 2. Consistency between the manifests, and with the server's configuration.
python3 - "$manifests_dir" <<'PY'
import json, os, re, sys
import yaml

directory = sys.argv[1]
errors = []
documents = {}
for name in sorted(os.listdir(directory)):
    if name.endswith(".yaml") and name != "kustomization.yaml":
        with open(os.path.join(directory, name)) as handle:
            for document in yaml.safe_load_all(handle):
                if document:
                    documents[(document["kind"], document["metadata"]["name"])] = (name, document)

kustomization = yaml.safe_load(open(os.path.join(directory, "kustomization.yaml")))
listed = set(kustomization.get("resources", []))
present = {name for name, _ in documents.values()}
for name in sorted(present - listed):
    errors.append(f"kustomization.yaml does not list {name}")
for name in sorted(listed - present):
    errors.append(f"kustomization.yaml lists {name}, which is not a manifest here")

def get(kind, name):
    if (kind, name) not in documents:
        errors.append(f"no {kind} {name}")
        return {}
    return documents[(kind, name)][1]

for (kind, name), (file, document) in documents.items():
    labels = document["metadata"].get("labels", {})
    if labels.get("app.kubernetes.io/name") != "accord" or labels.get("app.kubernetes.io/part-of") != "accord":
        errors.append(f"{file}: {kind} {name} lacks app.kubernetes.io/name and part-of: accord")

deployment = get("Deployment", "accord")
pod = deployment.get("spec", {}).get("template", {})
pod_labels = pod.get("metadata", {}).get("labels", {})
spec = pod.get("spec", {})
container = next((c for c in spec.get("containers", []) if c["name"] == "accord"), {})
ports = {port["name"]: port["containerPort"] for port in container.get("ports", [])}

def selects(selector, what):
    if not selector or any(pod_labels.get(k) != v for k, v in selector.items()):
        errors.append(f"{what} {selector} does not select the Deployment's pods {pod_labels}")

selects(deployment.get("spec", {}).get("selector", {}).get("matchLabels"), "Deployment selector")
service = get("Service", "accord")
selects(service.get("spec", {}).get("selector"), "Service selector")
for port in service.get("spec", {}).get("ports", []):
    if isinstance(port["targetPort"], str) and port["targetPort"] not in ports:
        errors.append(f"Service targetPort {port['targetPort']} is not a container port")
selects(get("PodDisruptionBudget", "accord").get("spec", {}).get("selector", {}).get("matchLabels"), "PodDisruptionBudget selector")
if ("NetworkPolicy", "accord") in documents:
    policy = documents[("NetworkPolicy", "accord")][1]["spec"]
    selects(policy["podSelector"].get("matchLabels"), "NetworkPolicy podSelector")
    allowed = {p.get("port") for rule in policy.get("ingress", []) for p in rule.get("ports", [])}
    if not allowed & (set(ports.values()) | set(ports)):
        errors.append(f"NetworkPolicy lets in {allowed}, not the container port {ports}")
target = get("HorizontalPodAutoscaler", "accord").get("spec", {}).get("scaleTargetRef", {})
if (target.get("kind"), target.get("name")) != ("Deployment", "accord"):
    errors.append(f"HorizontalPodAutoscaler targets {target}")

for probe, path in (("startupProbe", "/healthz"), ("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
    get_ = container.get(probe, {}).get("httpGet", {})
    if get_.get("path") != path or ports.get(get_.get("port"), get_.get("port")) != 8080:
        errors.append(f"{probe} is not GET {path} on 8080: {get_}")
if spec.get("enableServiceLinks") is not False:
    errors.append("enableServiceLinks must be false (a Service named accord injects ACCORD_PORT=tcp://...)")

# The ConfigMap's accord.json: JSON, and no key that config/accord.json (every setting the
# server has, kept equal to its defaults by a test) lacks, since an unknown key stops the server.
def paths(value, prefix=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, f"{prefix}{key}.") if isinstance(item, dict) else [f"{prefix}{key}"]
reference = json.load(open("config/accord.json"))
try:
    config = json.loads(get("ConfigMap", "accord-config").get("data", {}).get("accord.json", ""))
except ValueError as error:
    errors.append(f"configmap.yaml: accord.json is not JSON: {error}")
    config = {}
known = set(paths(reference))
for path in sorted(set(paths(config)) - known):
    errors.append(f"configmap.yaml: accord.json has {path}, which config/accord.json does not")
args = container.get("args", [])
if "--config" not in args or args[args.index("--config") + 1] != "/app/config/accord.json":
    errors.append(f"the container is not given --config /app/config/accord.json: {args}")

# ACCORD_* variables: each must name a setting of Sources/API/Configuration/ConfigurationSettings.swift
# (an unknown one stops the server), by the server's rule: limits.maxBodyBytes -> ACCORD_LIMITS_MAX_BODY_BYTES.
settings = set(re.findall(r'"([a-zA-Z.]+)"', open("Sources/API/Configuration/ConfigurationSettings.swift").read()))
def environment_name(path):
    return "ACCORD_" + "".join("_" if c == "." else "_" + c if c.isupper() else c.upper() for c in path)
names = {environment_name(path): path for path in settings}
environment = {item["name"]: item.get("value") for item in container.get("env", [])}
for name in sorted(environment):
    if name.startswith("ACCORD_") and name not in names:
        errors.append(f"deployment.yaml: {name} is not a setting of this server (it would exit 2 on it)")

def seconds(path, variable):
    if variable in environment:
        return float(environment[variable])
    node = config or reference
    for key in path.split("."):
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return float(node) if isinstance(node, (int, float)) else 0.0
delay = seconds("timeouts.shutdownDelay", "ACCORD_TIMEOUTS_SHUTDOWN_DELAY")
drain = seconds("timeouts.drain", "ACCORD_TIMEOUTS_DRAIN")
grace = spec.get("terminationGracePeriodSeconds", 30)
if delay == 0:
    errors.append("no timeouts.shutdownDelay: /readyz would turn 503 too late for the endpoints to follow")
if grace <= delay + drain:
    errors.append(f"terminationGracePeriodSeconds {grace} does not exceed shutdownDelay {delay:g} + drain {drain:g}")

for error in errors:
    print(f"error: {error}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"consistency: {len(documents)} resources; grace {grace} s > shutdownDelay {delay:g} s + drain {drain:g} s; "
      f"accord.json keys and ACCORD_* variables all known")
PY

# 3. checkov, offline: --skip-download and BC_SKIP_MAPPING keep it from fetching policy
# metadata from the Prisma Cloud API (without them it tries, then falls back with a traceback);
# CKV_SKIP_PACKAGE_UPDATE_CHECK keeps it from asking PyPI for a newer checkov;
# CKV_PARSE_ERROR_FAIL makes a manifest it cannot parse a failure instead of a silent omission.
report="$work/checkov.json"
status=0
BC_SKIP_MAPPING=TRUE CKV_SKIP_PACKAGE_UPDATE_CHECK=true CKV_PARSE_ERROR_FAIL=true LOG_LEVEL=WARNING \
    "${offline[@]}" checkov --directory "$manifests_dir" --framework kubernetes --skip-download \
    --output json >"$report" 2>"$work/checkov.err" || status=$?
python3 - "$report" "$status" <<'PY' || { cat "$work/checkov.err" >&2; exit 1; }
import json, sys
path, status = sys.argv[1], int(sys.argv[2])
try:
    data = json.load(open(path))
except ValueError:
    print(f"checkov: no JSON report (exit {status})", file=sys.stderr)
    sys.exit(1)
reports = data if isinstance(data, list) else [data]
passed, failed, skipped, parsing = [], [], [], []
for report in reports:
    results = report.get("results", {})
    passed += results.get("passed_checks", [])
    failed += results.get("failed_checks", [])
    skipped += results.get("skipped_checks", [])
    parsing += results.get("parsing_errors", [])
for check in failed:
    print(f"FAILED {check['check_id']} {check['check_name']}: {check['resource']} ({check['file_path']})", file=sys.stderr)
for error in parsing:
    print(f"PARSE ERROR {error}", file=sys.stderr)
unjustified = []
for check in skipped:
    reason = check.get("check_result", {}).get("suppress_comment", "").strip()
    print(f"skipped {check['check_id']} on {check['resource']}: {reason}")
    if not reason or reason == "No comment provided":
        unjustified.append(check["check_id"])
for check_id in unjustified:
    print(f"skip of {check_id} has no reason", file=sys.stderr)
print(f"checkov: {len(passed)} checks passed, {len(failed)} failed, {len(skipped)} skipped, {len(parsing)} parse errors")
if status != 0 or failed or parsing or unjustified or not passed:
    sys.exit(1)
PY

# 4. The kustomization renders, and what it renders validates.
if command -v kubectl >/dev/null; then
    kubectl kustomize "$manifests_dir" >"$work/rendered.yaml"
    validate "$work/rendered.yaml"
    echo "kustomize: renders $(grep -c '^kind:' "$work/rendered.yaml") resources, valid"
else
    echo "kustomize: SKIPPED (no kubectl)"
fi
echo "kubernetes check: ok"
