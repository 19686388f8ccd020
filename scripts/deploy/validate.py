"""Renders the Kubernetes kustomizations under deploy/kubernetes and validates every resource against the
Kubernetes schemas (kubernetes-validate, strict: unknown fields fail), then checks what the deployment promises:
probes on /health and /ready, resource requests, a non-root, read-only container with writable /data and /tmp.

kubectl is not installed here, so the overlays are rendered by the few rules they use of kustomize's strategic
merge: maps merge, lists of named items merge by name, other lists are replaced, `null` removes a field, and
`$patch: delete` removes a resource.
Usage: python validate.py KUBERNETES_VERSION DIR...
"""

import copy
import os
import sys

import kubernetes_validate
import yaml


def merge(base, patch):
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            if value is None:
                merged.pop(key, None)
            elif key in merged:
                merged[key] = merge(merged[key], value)
            else:
                merged[key] = copy.deepcopy(value)
        return merged
    if isinstance(base, list) and isinstance(patch, list) and all(
        isinstance(item, dict) and "name" in item for item in base + patch
    ):
        merged = [copy.deepcopy(item) for item in base]
        for item in patch:
            index = next((i for i, old in enumerate(merged) if old["name"] == item["name"]), None)
            if index is None:
                merged.append(copy.deepcopy(item))
            else:
                merged[index] = merge(merged[index], item)
        return merged
    return copy.deepcopy(patch)


def identity(resource):
    return (resource["kind"], resource["metadata"]["name"])


def render(directory):
    with open(os.path.join(directory, "kustomization.yaml")) as file:
        kustomization = yaml.safe_load(file)
    resources = []
    for entry in kustomization.get("resources", []):
        path = os.path.normpath(os.path.join(directory, entry))
        if os.path.isdir(path):
            resources += render(path)
        else:
            with open(path) as file:
                resources += [doc for doc in yaml.safe_load_all(file) if doc]
    for entry in kustomization.get("patches", []):
        with open(os.path.join(directory, entry["path"])) as file:
            patch = yaml.safe_load(file)
        targets = [i for i, resource in enumerate(resources) if identity(resource) == identity(patch)]
        if len(targets) != 1:
            raise SystemExit(f"{directory}: patch {entry['path']} matches no resource {identity(patch)}")
        if patch.get("$patch") == "delete":
            del resources[targets[0]]
        else:
            resources[targets[0]] = merge(resources[targets[0]], patch)
    namespace = kustomization.get("namespace")
    for resource in resources:
        if namespace and resource["kind"] != "Namespace":
            resource["metadata"]["namespace"] = namespace
    return resources


def check_deployment(directory, deployment):
    problems = []
    pod = deployment["spec"]["template"]["spec"]
    if not pod.get("securityContext", {}).get("runAsNonRoot"):
        problems.append("the pod does not require a non-root user")
    mounts = {}
    volumes = {volume["name"]: volume for volume in pod.get("volumes", [])}
    for container in pod["containers"]:
        probes = (container.get("livenessProbe", {}), container.get("readinessProbe", {}))
        if [probe.get("httpGet", {}).get("path") for probe in probes] != ["/health", "/ready"]:
            problems.append(f"{container['name']}: probes are not /health (liveness) and /ready (readiness)")
        if not container.get("resources", {}).get("requests"):
            problems.append(f"{container['name']}: no resource requests")
        security = container.get("securityContext", {})
        if not security.get("readOnlyRootFilesystem") or security.get("allowPrivilegeEscalation", True):
            problems.append(f"{container['name']}: the root file system is writable or privileges can escalate")
        mounts.update({mount["mountPath"]: mount["name"] for mount in container.get("volumeMounts", [])})
    for path in ("/data", "/tmp"):
        if mounts.get(path) not in volumes:
            problems.append(f"no writable volume at {path}")
    return [f"{directory}: Deployment {deployment['metadata']['name']}: {problem}" for problem in problems]


def main():
    version, directories = sys.argv[1], sys.argv[2:]
    failures = []
    for directory in directories:
        resources = render(directory)
        for resource in resources:
            try:
                kubernetes_validate.validate(resource, version, strict=True)
            except kubernetes_validate.ValidationError as error:
                path = ".".join(str(part) for part in error.path)
                failures.append(f"{directory}: {resource['kind']} {resource['metadata']['name']}: {path}: {error.message}")
            if resource["kind"] == "Deployment":
                failures += check_deployment(directory, resource)
        kinds = sorted(f"{resource['kind']}/{resource['metadata']['name']}" for resource in resources)
        print(f"validate: {directory}: {len(resources)} resources against Kubernetes {version}: {', '.join(kinds)}")
    for failure in failures:
        print(f"validate: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
