// The MLflow release whose tracking server this package reproduces; /version and server-info report it.
export const MLFLOW_VERSION = '3.18.0';
