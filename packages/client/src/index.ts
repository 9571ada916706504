// Public surface of @mlflow-ts/client.
export {};
