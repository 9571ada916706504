#!/usr/bin/env bash
# Creates compat/.venv with the real MLflow 3.18.0 client and server (idempotent).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
want=3.18.0
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import mlflow,sys; sys.exit(mlflow.__version__!='$want')" 2>/dev/null; then
  echo "compat venv ready (mlflow $want)"; exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip >/dev/null 2>&1 || true
"$venv/bin/pip" install -q -r "$here/requirements.txt"
"$venv/bin/pip" install -q --no-deps "mlflow==$want"
"$venv/bin/python" -c "import mlflow; print('compat venv ready (mlflow', mlflow.__version__ + ')')"
