#!/usr/bin/env bash
# Creates compat/.venv-old/<version> with older MLflow releases, for the schema-migration tests (idempotent).
#
#   bash compat/setup-old-mlflow.sh [version ...]     (default: the versions the migration tests use)
#
# Only `mlflow db upgrade` and the SQLAlchemy tracking/registry stores are needed from them, so each
# venv gets the release with --no-deps plus the short list of packages those code paths import,
# which keeps the setup to seconds instead of the full scientific stack MLflow declares.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(2.9.2 3.1.0)

# What `import mlflow` and the SQL stores import, per release line; versions bounded as each release declares.
deps_for() {
  case "$1" in
    2.*) echo "alembic<2 sqlalchemy<2.1 click<9 cloudpickle<4 entrypoints<1 gitpython<4 pyyaml<7 protobuf<5 pytz
               requests<3 packaging<24 importlib-metadata<8 sqlparse<1 querystring-parser<2 numpy<2 pandas<3
               Flask<4 Jinja2<4 markdown<4 docker<7 databricks-cli<1 psycopg2-binary PyMySQL" ;;
    *) echo "alembic<2 sqlalchemy<2.1 click<9 cloudpickle<4 gitpython<4 pyyaml<7 protobuf<7 requests<3 packaging<26
              importlib-metadata<9 sqlparse<1 cachetools<7 pydantic<3 fastapi<1 uvicorn<1 opentelemetry-api<3
              opentelemetry-sdk<3 numpy<3 pandas<3 Flask<4 graphene<4 docker<8 databricks-sdk<1
              typing-extensions<5 python-dotenv<2 psycopg2-binary PyMySQL" ;;
  esac
}

for version in "${versions[@]}"; do
  venv="$here/.venv-old/$version"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import mlflow,sys; sys.exit(mlflow.__version__!='$version')" 2>/dev/null; then
    echo "old mlflow venv ready ($version)"; continue
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
  # shellcheck disable=SC2046 # the list is meant to split into words
  "$venv/bin/pip" install -q $(deps_for "$version")
  "$venv/bin/pip" install -q --no-deps "mlflow==$version"
  "$venv/bin/python" -c "import mlflow; print('old mlflow venv ready (' + mlflow.__version__ + ')')"
done
