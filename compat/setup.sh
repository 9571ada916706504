#!/usr/bin/env bash
# Creates compat/.venv with the real MLflow 3.18.0 client and server (idempotent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
want=3.18.0
# The venv records which requirements.txt it was built from, so an edited list is installed on the next run.
stamp="$venv/.requirements.sha256"
want_reqs=$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import mlflow,sys; sys.exit(mlflow.__version__!='$want')" 2>/dev/null \
  && [ "$(cat "$stamp" 2>/dev/null)" = "$want_reqs" ]; then
  echo "compat venv ready (mlflow $want)"; exit 0
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip >/dev/null 2>&1 || true
"$venv/bin/pip" install -q -r "$here/requirements.txt"
echo "$want_reqs" > "$stamp"
"$venv/bin/pip" install -q --no-deps "mlflow==$want"
"$venv/bin/python" -c "import mlflow; print('compat venv ready (mlflow', mlflow.__version__ + ')')"
