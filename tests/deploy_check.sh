#!/usr/bin/env bash
# Checks the deployment files offline (no Docker engine, no cluster, no kubeconform here):
#
#   1. deploy/*.service: systemd-analyze verify, which must say nothing (its warnings count);
#   2. Dockerfile: every COPY source of the build context exists and is not dropped by
#      .dockerignore; the build stage runs `./run build`, which exists in ./run and runs the same
#      meson set-up as the tests; what the runtime stage copies from the build stage is what that
#      build makes; the runtime packages hold every library judged links to directly;
#   3. deploy/compose.yaml and deploy/k8s/*.yaml parse (python3-yaml) and hang together: labels
#      and selectors, Services and ports, the StatefulSet's claim and mount, probes on /readyz
#      and /healthz, the autoscaler's target and metric, Secret keys, kustomization resources;
#   4. everywhere: the same capability set, and every --option given to judged exists;
#   5. everywhere: the problems, the data folder and a worker's cache are outside /usr (and /lib,
#      /bin, /sbin, /etc): the sandbox shows the toolchain's folders there to every compile and
#      run (docs/sandbox.md); the image and the systemd install make them root's, mode 0700, and
#      compose and Kubernetes point --problems at the catalogue the image holds.
#
#   tests/deploy_check.sh [build/cli/judged]
#
# Prints one line per check and, last, "N passed, M failed".

DEBIAN_PACKAGES="systemd python3 python3-yaml binutils dpkg"
set -uo pipefail
cd "$(dirname "$0")/.."
JUDGED=$(realpath "${1:-build/cli/judged}")
for tool in systemd-analyze python3 readelf dpkg; do
  command -v "$tool" >/dev/null || { echo "deploy_check: missing $tool; apt-get install -y $DEBIAN_PACKAGES" >&2; exit 2; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "deploy_check: needs python3-yaml" >&2; exit 2; }
[ -x "$JUDGED" ] || { echo "deploy_check: no judged at '$JUDGED'" >&2; exit 2; }

WORK=$(mktemp -d /tmp/deploy-check.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PASSED=0 FAILED=0
check() {
  local name=$1; shift
  if out=$("$@" 2>&1); then
    PASSED=$((PASSED + 1)); echo "ok   $name"
  else
    FAILED=$((FAILED + 1)); echo "FAIL $name"; sed 's/^/       /' <<<"$out"
  fi
}

# 1. systemd units, with ExecStart pointed at the binary built here (verify checks it exists).
verify_unit() {
  local unit=$1 copy
  copy=$WORK/$(basename "$unit")
  sed "s|/usr/local/bin/judged|$JUDGED|" "$unit" >"$copy"
  local said
  said=$(systemd-analyze verify "$copy" 2>&1)
  [ -z "$said" ] || { echo "$said"; return 1; }
}
for unit in deploy/*.service; do
  check "systemd-analyze verify $unit" verify_unit "$unit"
done

# 2-4 in Python.
"$JUDGED" --help >"$WORK/help-serve.txt" 2>&1
"$JUDGED" worker --help >"$WORK/help-worker.txt" 2>&1
readelf -d "$JUDGED" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' >"$WORK/needed.txt"
while read -r lib; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null)
  echo "$lib ${pkg%%:*}"
done <"$WORK/needed.txt" >"$WORK/needed-pkgs.txt"

python3 - "$WORK" >"$WORK/checks.out" 2>&1 <<'EOF'

import fnmatch, glob, os, re, shlex, sys
import yaml

work = sys.argv[1]
CAPS = ["SYS_ADMIN", "SETUID", "SETGID", "SYS_CHROOT", "KILL", "FOWNER"]
passed = failed = 0


def check(name, problems):
    global passed, failed
    if problems:
        failed += 1
        print(f"FAIL {name}")
        for p in problems:
            print(f"       {p}")
    else:
        passed += 1
        print(f"ok   {name}")


help_serve = open(os.path.join(work, "help-serve.txt")).read()
help_worker = open(os.path.join(work, "help-worker.txt")).read()


def options_known(args, where):
    """Every --option of a judged command line is one judged's usage names."""
    args = [str(a) for a in args]
    text = help_worker if args[:1] == ["worker"] else help_serve
    return [f"{where}: judged has no option {a}" for a in args
            if a.startswith("--") and not re.search(re.escape(a) + r"\b", text)]


# --- Dockerfile -------------------------------------------------------------------------------
problems = []
lines, cur = [], ""
for raw in open("Dockerfile"):
    if raw.lstrip().startswith("#"):
        continue
    cur += raw.rstrip("\n")
    if cur.endswith("\\"):
        cur = cur[:-1] + " "
        continue
    if cur.strip():
        lines.append(cur.strip())
    cur = ""
ignore = [l.strip() for l in open(".dockerignore") if l.strip() and not l.startswith("#")]


def ignored(path):
    return any(fnmatch.fnmatch(path, pat) or path.startswith(pat.rstrip("/") + "/") for pat in ignore)


stages, stage = {}, None
for l in lines:
    word, rest = l.split(None, 1)
    word = word.upper()
    if word == "FROM":
        m = re.match(r"(\S+)(?:\s+AS\s+(\S+))?", rest, re.I)
        if m.group(1) != "debian:12":
            problems.append(f"FROM {m.group(1)}: the image is built on debian:12")
        stage = m.group(2) or f"stage{len(stages)}"
        stages[stage] = {"copy": [], "run": [], "workdir": "/"}
    elif word == "WORKDIR":
        stages[stage]["workdir"] = rest
    elif word == "RUN":
        stages[stage]["run"].append(rest)
    elif word == "COPY":
        parts = shlex.split(rest)
        frm = next((p.split("=", 1)[1] for p in parts if p.startswith("--from=")), None)
        parts = [p for p in parts if not p.startswith("--")]
        stages[stage]["copy"].append((frm, parts[:-1], parts[-1]))
    elif word == "ENTRYPOINT":
        if "/usr/local/bin/judged" not in rest:
            problems.append("the entrypoint is not /usr/local/bin/judged")
    elif word == "CMD":
        problems += options_known(yaml.safe_load(rest), "Dockerfile CMD")
if list(stages) != ["build", "stage1"]:
    problems.append(f"stages {list(stages)}: want a build stage and a runtime stage")
build = stages.get("build", {"run": [], "copy": [], "workdir": "/src"})
for frm, srcs, dest in sum((s["copy"] for s in stages.values()), []):
    for src in srcs:
        if frm is None:
            if not os.path.exists(src):
                problems.append(f"COPY {src}: not in the build context")
            elif src not in (".", "./") and ignored(src.rstrip("/")):
                problems.append(f"COPY {src}: dropped by .dockerignore")
if not any(re.search(r"(^|&&\s*|;\s*)\./run build\b", r) for r in build["run"]):
    problems.append("the build stage does not run `./run build` (the build the tests use)")
run_sh = open("run").read()
if not re.search(r"^\s*build\)\s*(#.*)?\n(\s+.*\n)*?\s+build\n", run_sh, re.M):
    problems.append("./run has no `build)` case that calls build()")
m = re.search(r"^build\(\) \{\n(.*?)^\}", run_sh, re.M | re.S)
if not m or "meson setup build" not in m.group(1) or "meson compile -C build" not in m.group(1):
    problems.append("./run's build() is not the meson set-up of build/ the tests use")
# What the build stage makes, as the runtime stage copies it.
made = {"build/cli/judged": "./run build (meson compile -C build)",
        "problems": "the source tree", "web/dist": "./run build (web/build.sh) or mkdir -p"}
for frm, srcs, dest in stages.get("stage1", {"copy": []})["copy"]:
    for src in srcs:
        rel = os.path.relpath(src, build["workdir"]) if src.startswith("/") else src
        if frm == "build" and rel not in made:
            problems.append(f"COPY --from=build {src}: the build stage does not make it")
        if frm == "build" and rel == "web/dist" and not any("mkdir -p web/dist" in r for r in build["run"]):
            problems.append("web/dist may not exist when the tree has no front end")
runtime_run = " ".join(stages.get("stage1", {"run": []})["run"])
for pkg in ("gcc", "g++", "libc6-dev"):
    if not re.search(rf"(?<![\w+-]){re.escape(pkg)}(?![\w+-])", runtime_run):
        problems.append(f"the runtime stage lacks {pkg}: submissions are compiled when judged")
for line in open(os.path.join(work, "needed-pkgs.txt")):
    lib, *pkg = line.split()
    if not pkg:
        problems.append(f"{lib}: no Debian package found for it here")
    elif pkg[0] not in ("libc6",) and not re.search(rf"(?<![\w.+-]){re.escape(pkg[0])}(?![\w.+-])", runtime_run):
        problems.append(f"{lib} ({pkg[0]}) is not installed in the runtime stage")
check("Dockerfile: COPY sources, `./run build`, runtime packages", problems)

# --- compose ----------------------------------------------------------------------------------
problems = []
compose = yaml.safe_load(open("deploy/compose.yaml"))
svcs = compose.get("services", {})
if set(svcs) != {"api", "worker"}:
    problems.append(f"services {sorted(svcs)}: want api and worker")
for name, svc in svcs.items():
    if sorted(svc.get("cap_add", [])) != sorted(CAPS) or svc.get("cap_drop") != ["ALL"]:
        problems.append(f"{name}: capabilities {svc.get('cap_add')} (drop {svc.get('cap_drop')}), want {CAPS}")
    opts = svc.get("security_opt", [])
    for want in ("seccomp:unconfined", "apparmor:unconfined"):
        if want not in opts:
            problems.append(f"{name}: security_opt lacks {want}")
    problems += options_known(svc.get("command", []), f"compose {name}")
api, worker = svcs.get("api", {}), svcs.get("worker", {})
b = api.get("build", {})
if not os.path.isfile(os.path.join("deploy", b.get("context", "."), b.get("dockerfile", "Dockerfile"))):
    problems.append("api.build does not lead to the Dockerfile")
if "--workers" not in api.get("command", []) or api["command"][api["command"].index("--workers") + 1] != "0":
    problems.append("api: --workers 0 (the workers judge)")
if not any(str(v).endswith(":/var/lib/judged") for v in api.get("volumes", [])):
    problems.append("api: no volume for the data folder")
if "/healthz" not in " ".join(api.get("healthcheck", {}).get("test", [])):
    problems.append("api: no healthcheck on /healthz")
cmd = worker.get("command", [])
if cmd[:1] != ["worker"] or "--server" not in cmd or not cmd[cmd.index("--server") + 1].startswith("http://api:"):
    problems.append(f"worker: command {cmd} does not pull from http://api:PORT")
if worker.get("deploy", {}).get("replicas") != 2:
    problems.append("worker: not 2 replicas")
if "api" not in worker.get("depends_on", {}):
    problems.append("worker: does not wait for the api")
check("deploy/compose.yaml: API + 2 workers, sandbox settings", problems)

# --- Kubernetes -------------------------------------------------------------------------------
problems = []
docs = []
for f in sorted(glob.glob("deploy/k8s/*.yaml")):
    for d in yaml.safe_load_all(open(f)):
        if d:
            docs.append((f, d))
api_versions = {"Namespace": "v1", "Service": "v1", "Secret": "v1", "StatefulSet": "apps/v1",
                "Deployment": "apps/v1", "HorizontalPodAutoscaler": "autoscaling/v2",
                "Kustomization": "kustomize.config.k8s.io/v1beta1"}
objs = {}
for f, d in docs:
    if f.endswith("prometheus-adapter-values.yaml"):
        rules = d.get("rules", {}).get("external", [])
        if not any(r.get("name", {}).get("as") == "judged_queue_depth" for r in rules):
            problems.append(f"{f}: no external rule serving judged_queue_depth")
        continue
    kind = d.get("kind")
    if kind not in api_versions:
        problems.append(f"{f}: unexpected kind {kind}")
        continue
    if d.get("apiVersion") != api_versions[kind]:
        problems.append(f"{f}: {kind} has apiVersion {d.get('apiVersion')}, want {api_versions[kind]}")
    name = d.get("metadata", {}).get("name")
    if kind != "Kustomization" and not name:
        problems.append(f"{f}: {kind} without metadata.name")
    objs[(kind, name)] = (f, d)
kust = next((d for (k, _), (f, d) in objs.items() if k == "Kustomization"), {})
for r in kust.get("resources", []):
    if not os.path.isfile(os.path.join("deploy/k8s", r)):
        problems.append(f"kustomization: resource {r} does not exist")
secret = next((d for (k, _), (f, d) in objs.items() if k == "Secret"), {})
workloads = {n: d for (k, n), (f, d) in objs.items() if k in ("StatefulSet", "Deployment")}
services = {n: d for (k, n), (f, d) in objs.items() if k == "Service"}
for wname, w in workloads.items():
    spec = w["spec"]
    tmpl = spec["template"]
    labels = tmpl["metadata"].get("labels", {})
    sel = spec["selector"]["matchLabels"]
    if any(labels.get(k) != v for k, v in sel.items()):
        problems.append(f"{wname}: selector {sel} does not match the pod labels {labels}")
    for c in tmpl["spec"]["containers"]:
        sc = c.get("securityContext", {})
        if sorted(sc.get("capabilities", {}).get("add", [])) != sorted(CAPS) or sc.get("capabilities", {}).get("drop") != ["ALL"]:
            problems.append(f"{wname}/{c['name']}: capabilities {sc.get('capabilities')}, want drop ALL add {CAPS}")
        if sc.get("seccompProfile", {}).get("type") != "Unconfined":
            problems.append(f"{wname}/{c['name']}: seccompProfile is not Unconfined")
        if sc.get("allowPrivilegeEscalation") is False:
            problems.append(f"{wname}/{c['name']}: allowPrivilegeEscalation false is refused beside SYS_ADMIN")
        problems += options_known(c.get("args", []), f"{wname}/{c['name']}")
        for e in c.get("env", []):
            ref = e.get("valueFrom", {}).get("secretKeyRef")
            if ref and (ref["name"] != secret.get("metadata", {}).get("name") or ref["key"] not in secret.get("stringData", {})):
                problems.append(f"{wname}: env {e['name']} names secret key {ref}, not in secret.example.yaml")
        mounts = {m["name"] for m in c.get("volumeMounts", [])}
        vols = {v["name"] for v in tmpl["spec"].get("volumes", [])}
        vols |= {t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])}
        if mounts - vols:
            problems.append(f"{wname}: mounts {sorted(mounts - vols)} have no volume or claim")
sts = workloads.get("judged-api")
if not sts or objs.get(("StatefulSet", "judged-api")) is None:
    problems.append("no StatefulSet judged-api")
else:
    spec = sts["spec"]
    if spec.get("replicas") != 1:
        problems.append("judged-api: one replica (one SQLite writer, a locked data folder)")
    if spec.get("serviceName") not in services or services[spec["serviceName"]]["spec"].get("clusterIP") != "None":
        problems.append("judged-api: serviceName is not a headless Service")
    c = spec["template"]["spec"]["containers"][0]
    if c.get("readinessProbe", {}).get("httpGet", {}).get("path") != "/readyz":
        problems.append("judged-api: readiness is not /readyz")
    if c.get("livenessProbe", {}).get("httpGet", {}).get("path") != "/healthz":
        problems.append("judged-api: liveness is not /healthz")
    if not any(m["mountPath"] == "/var/lib/judged" and m["name"] in {t["metadata"]["name"] for t in spec.get("volumeClaimTemplates", [])}
               for m in c.get("volumeMounts", [])):
        problems.append("judged-api: the data folder is not on the claim template's volume")
    args = c.get("args", [])
    if "--data" not in args or args[args.index("--data") + 1] != "/var/lib/judged":
        problems.append("judged-api: --data is not the mounted /var/lib/judged")
for sname, s in services.items():
    sel = s["spec"].get("selector", {})
    pods = [w for w in workloads.values() if all(w["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in sel.items())]
    if not pods:
        problems.append(f"Service {sname}: selector {sel} matches no pods")
    for p in s["spec"].get("ports", []):
        names = {cp.get("name") for w in pods for c in w["spec"]["template"]["spec"]["containers"] for cp in c.get("ports", [])}
        if isinstance(p.get("targetPort"), str) and p["targetPort"] not in names:
            problems.append(f"Service {sname}: targetPort {p['targetPort']} is no container port")
dep = workloads.get("judged-worker")
if not dep:
    problems.append("no Deployment judged-worker")
else:
    args = dep["spec"]["template"]["spec"]["containers"][0]["args"]
    url = args[args.index("--server") + 1] if "--server" in args else ""
    m = re.match(r"http://([^:/]+):(\d+)$", url)
    if args[:1] != ["worker"] or not m or m.group(1) not in services or \
            int(m.group(2)) not in [p["port"] for p in services[m.group(1)]["spec"]["ports"]]:
        problems.append(f"judged-worker: --server {url!r} is not a Service of the API and its port")
hpa = next((d for (k, _), (f, d) in objs.items() if k == "HorizontalPodAutoscaler"), None)
if not hpa:
    problems.append("no HorizontalPodAutoscaler")
else:
    t = hpa["spec"]["scaleTargetRef"]
    if (t.get("kind"), t.get("name")) != ("Deployment", "judged-worker"):
        problems.append(f"the autoscaler scales {t}, not the workers' Deployment")
    ms = [m for m in hpa["spec"].get("metrics", []) if m.get("type") in ("External", "Object", "Pods")]
    if not any(m.get(m["type"].lower(), {}).get("metric", {}).get("name") == "judged_queue_depth" for m in ms):
        problems.append("the autoscaler does not read judged_queue_depth")
    if not 1 <= hpa["spec"].get("minReplicas", 1) <= hpa["spec"]["maxReplicas"]:
        problems.append("the autoscaler's replica bounds are wrong")
check("deploy/k8s: StatefulSet + PVC, Services, worker Deployment, autoscaler on judged_queue_depth", problems)

# --- PostgreSQL: compose.postgres.yaml and the k8s-postgres overlay --------------------------------
problems = []
pgc = yaml.safe_load(open("deploy/compose.postgres.yaml"))
psvcs = pgc.get("services", {})
papi = psvcs.get("api", {})
pcmd = [str(a) for a in papi.get("command", [])]
problems += options_known(pcmd, "compose.postgres api")
problems += options_known(psvcs.get("worker", {}).get("command", []), "compose.postgres worker")
if papi.get("deploy", {}).get("replicas", 1) < 2:
    problems.append("compose.postgres api: fewer than 2 replicas")
if "--store" not in pcmd or "postgresql://" not in pcmd[pcmd.index("--store") + 1]:
    problems.append("compose.postgres api: no --store postgresql://...")
if "--packages" not in pcmd or not any(v.endswith(":" + pcmd[pcmd.index("--packages") + 1])
                                       for v in papi.get("volumes", [])):
    problems.append("compose.postgres api: --packages is not a shared volume")
if any(v.endswith(":/var/lib/judged") for v in papi.get("volumes", [])):
    problems.append("compose.postgres api: the replicas share a data folder (each locks its own)")
if "postgres" not in psvcs or papi.get("depends_on", {}).get("postgres", {}).get("condition") != "service_healthy":
    problems.append("compose.postgres: no postgres service the API waits for")
if set(papi.get("cap_add", [])) != set(CAPS):
    problems.append("compose.postgres api: not the sandbox's capability set")
kdocs = {}
for f in sorted(glob.glob("deploy/k8s-postgres/*.yaml")):
    for d in yaml.safe_load_all(open(f)):
        if d:
            kdocs[(d.get("kind"), d.get("metadata", {}).get("name"))] = (f, d)
kust = kdocs.get(("Kustomization", None), (None, {}))[1]
for r in kust.get("resources", []):
    if not os.path.exists(os.path.join("deploy/k8s-postgres", r)):
        problems.append(f"k8s-postgres: resource {r} does not exist")
deleted = {(yaml.safe_load(p["patch"]).get("kind"), yaml.safe_load(p["patch"])["metadata"]["name"])
           for p in kust.get("patches", [])}
if ("StatefulSet", "judged-api") not in deleted:
    problems.append("k8s-postgres: the SQLite StatefulSet judged-api is not deleted")
dep = kdocs.get(("Deployment", "judged-api"), (None, None))[1]
if not dep:
    problems.append("k8s-postgres: no Deployment judged-api")
else:
    if dep["spec"].get("replicas", 1) < 2:
        problems.append("k8s-postgres judged-api: fewer than 2 replicas")
    c = dep["spec"]["template"]["spec"]["containers"][0]
    args = [str(a) for a in c.get("args", [])]
    problems += options_known(args, "k8s-postgres judged-api")
    env = {e["name"]: e for e in c.get("env", [])}
    store = args[args.index("--store") + 1] if "--store" in args else ""
    m = re.fullmatch(r"\$\((\w+)\)", store)
    if not m or m.group(1) not in env:
        problems.append(f"k8s-postgres judged-api: --store {store!r} is not an env variable of the pod")
    secret = kdocs.get(("Secret", "judged-store"), (None, {}))[1]
    for e in env.values():
        ref = e.get("valueFrom", {}).get("secretKeyRef")
        if ref and ref["name"] == "judged-store" and ref["key"] not in secret.get("stringData", {}):
            problems.append(f"k8s-postgres: env {e['name']} names judged-store key {ref['key']}, not in store.example.yaml")
    vols = {v["name"]: v for v in dep["spec"]["template"]["spec"].get("volumes", [])}
    pk = args[args.index("--packages") + 1] if "--packages" in args else None
    mnt = next((m for m in c.get("volumeMounts", []) if m["mountPath"] == pk), None)
    claim = mnt and vols.get(mnt["name"], {}).get("persistentVolumeClaim", {}).get("claimName")
    pvc = kdocs.get(("PersistentVolumeClaim", claim), (None, {}))[1]
    if not pvc or "ReadWriteMany" not in pvc.get("spec", {}).get("accessModes", []):
        problems.append("k8s-postgres judged-api: --packages is not on a ReadWriteMany claim")
    if sorted(c["securityContext"]["capabilities"]["add"]) != sorted(CAPS):
        problems.append("k8s-postgres judged-api: not the sandbox's capability set")
    if c.get("readinessProbe", {}).get("httpGet", {}).get("path") != "/readyz":
        problems.append("k8s-postgres judged-api: readiness is not /readyz")
if ("StatefulSet", "judged-postgres") in kdocs and ("Service", "judged-postgres") not in kdocs:
    problems.append("k8s-postgres: PostgreSQL without its Service")
check("deploy PostgreSQL: compose and k8s run the API with 2+ replicas on one store, shared packages", problems)

# --- systemd: the same capabilities, known options -----------------------------------------------
problems = []
for unit in sorted(glob.glob("deploy/*.service")):
    text = open(unit).read()
    m = re.search(r"^CapabilityBoundingSet=(.*)$", text, re.M)
    caps = sorted(c.replace("CAP_", "") for c in m.group(1).split()) if m else []
    if caps != sorted(CAPS):
        problems.append(f"{unit}: CapabilityBoundingSet {caps}, want {CAPS}")
    m = re.search(r"^ExecStart=\S+\s+(.*)$", text, re.M)
    problems += options_known(shlex.split(m.group(1)) if m else [], unit)
    for key in ("ProtectHostname", "RestrictNamespaces", "SystemCallFilter"):
        if re.search(rf"^{key}=", text, re.M):
            problems.append(f"{unit}: {key}= breaks the sandbox (see judged.service)")
dockerfile = open("Dockerfile").read()
for c in CAPS:
    if c not in dockerfile:
        problems.append(f"the Dockerfile's notes do not name {c}")
check("systemd units, Dockerfile: one capability set, known options", problems)

# --- problems, data, caches: out of the sandbox's sight, root's, 0700 ----------------------------
problems = []
# What the sandbox shows lies under these (judge/lang.c, docs/sandbox.md): keep secrets elsewhere.
SHOWN = ["/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin", "/etc"]


def secret_dirs(args, where):
    """The folders a judged command line keeps hidden tests in; a problem for each shown one."""
    args = [str(a) for a in args]
    found = {}
    for opt in ("--problems", "--data", "--cache"):
        if opt in args and args.index(opt) + 1 < len(args):
            d = os.path.normpath(args[args.index(opt) + 1])
            found[opt] = d
            if d == "/" or any(d == s or d.startswith(s + "/") for s in SHOWN):
                problems.append(f"{where}: {opt} {d} is where the sandbox shows the toolchain (under {', '.join(SHOWN)})")
    return found


image_problems = None
for frm, srcs, dest in stages.get("stage1", {"copy": []})["copy"]:
    if frm == "build" and any(os.path.relpath(s, build["workdir"]) == "problems" for s in srcs):
        image_problems = os.path.normpath(dest)
cmd_line = next((l for l in lines if l.split(None, 1)[0].upper() == "CMD"), "CMD []")
docker = secret_dirs(yaml.safe_load(cmd_line.split(None, 1)[1]), "Dockerfile CMD")
if image_problems is None:
    problems.append("the runtime stage does not copy problems/ from the build stage")
else:
    secret_dirs(["--problems", image_problems], "Dockerfile COPY problems")
    if docker.get("--problems") != image_problems:
        problems.append(f"Dockerfile CMD --problems {docker.get('--problems')} is not where problems/ is copied ({image_problems})")
    if not re.search(rf"chmod\s+0?700\s+{re.escape(image_problems)}\b", runtime_run):
        problems.append(f"Dockerfile: {image_problems} is not made mode 0700")
    if not re.search(rf"chown\s+(-R\s+)?(0|root):(0|root)\s+{re.escape(image_problems)}\b", runtime_run):
        problems.append(f"Dockerfile: {image_problems} is not made root's")
if docker.get("--data") and not re.search(rf"install\s+-d\s+(-[og]\s+\S+\s+)*-m\s+0?700\s+{re.escape(docker['--data'])}\b", runtime_run):
    problems.append(f"Dockerfile: the data folder {docker.get('--data')} is not made mode 0700")
for name, svc in svcs.items():
    got = secret_dirs(svc.get("command", []), f"compose {name}")
    if "--problems" in got and got["--problems"] != image_problems:
        problems.append(f"compose {name}: --problems {got['--problems']} is not the image's catalogue ({image_problems})")
for wname, w in workloads.items():
    for c in w["spec"]["template"]["spec"]["containers"]:
        got = secret_dirs(c.get("args", []), f"{wname}/{c['name']}")
        if "--problems" in got and got["--problems"] != image_problems:
            problems.append(f"{wname}: --problems {got['--problems']} is not the image's catalogue ({image_problems})")
        for m in c.get("volumeMounts", []):
            secret_dirs(["--data", m["mountPath"]], f"{wname}: volume mount")
for unit in sorted(glob.glob("deploy/*.service")):
    text = open(unit).read()
    m = re.search(r"^ExecStart=\S+\s+(.*)$", text, re.M)
    got = secret_dirs(shlex.split(m.group(1)) if m else [], unit)
    for key in ("StateDirectoryMode", "CacheDirectoryMode"):
        mm = re.search(rf"^{key}=(\S+)", text, re.M)
        if mm and mm.group(1) not in ("0700", "700"):
            problems.append(f"{unit}: {key}={mm.group(1)}, want 0700")
    if "--data" in got and not re.search(r"^StateDirectoryMode=0?700$", text, re.M):
        problems.append(f"{unit}: the data folder is not made 0700 (StateDirectoryMode=0700)")
    if "--cache" in got and not re.search(r"^CacheDirectoryMode=0?700$", text, re.M):
        problems.append(f"{unit}: the cache is not made 0700 (CacheDirectoryMode=0700)")
    if "--problems" in got:
        p = re.escape(got["--problems"])
        if not re.search(rf"^#.*install\s+-d\s+.*-m\s+0?700\s+{p}\b", text, re.M) or \
                not re.search(rf"^#.*-o\s+root\b.*{p}", text, re.M):
            problems.append(f"{unit}: its install notes do not make {got['--problems']} root's, mode 0700")
check("problems, data and caches outside the sandbox's view (not under /usr), root's, mode 0700", problems)

print(f"__COUNTS__ {passed} {failed}")
sys.exit(0)
EOF

py_rc=$?
# The Python part's lines, and its counts folded in (a crash counts as a failure).
grep -v '^__COUNTS__' "$WORK/checks.out"
read -r _ p f < <(grep '^__COUNTS__' "$WORK/checks.out" || echo "__COUNTS__ 0 1")
PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
[ "$py_rc" -eq 0 ] || FAILED=$((FAILED + 1))
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
