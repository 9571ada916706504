# Drives MLflow 3.18's own checkpoint utilities against a server, for the cross-check in python-cross-check.test.ts.
# usage: python-checkpoints.py write <jobs.json>   -> per job {run_id, config}, logs checkpoints with MLflow's base class
#        python-checkpoints.py download <cases.json> -> prints, per case, {"path": …} or {"error": message} as JSON
import json
import os
import sys

import mlflow
from mlflow.utils.checkpoint_utils import MlflowModelCheckpointCallbackBase, download_checkpoint_artifact


class DirCheckpoint(MlflowModelCheckpointCallbackBase):
    """Saves a directory with the same two files as the TypeScript test's saver."""

    def save_checkpoint(self, filepath):
        os.makedirs(filepath)
        with open(os.path.join(filepath, "model.json"), "w") as f:
            f.write('{"saved":"model"}')
        with open(os.path.join(filepath, "weights.bin"), "wb") as f:
            f.write(b"\x00\x01\x02")


def write(jobs_path):
    with open(jobs_path) as f:
        jobs = json.load(f)
    for job in jobs:
        config = job["config"]
        with mlflow.start_run(run_id=job["run_id"]):
            cb = DirCheckpoint(
                checkpoint_file_suffix=config["suffix"],
                monitor=config["monitor"],
                mode=config["mode"],
                save_best_only=config["save_best_only"],
                save_weights_only=config["save_weights_only"],
                save_freq=config["save_freq"],
            )
            for epoch, global_step, metrics in config["steps"]:
                # Keras and Lightning hand MLflow floats; "NaN" / "Infinity" arrive as strings.
                floats = {k: float(v) for k, v in metrics.items()}
                cb.check_and_save_checkpoint_if_needed(epoch, global_step, floats)


def download(cases_path):
    with open(cases_path) as f:
        cases = json.load(f)
    results = []
    for case in cases:
        try:
            results.append({"path": download_checkpoint_artifact(**case)})
        except Exception as e:
            results.append({"error": getattr(e, "message", str(e))})
    print(json.dumps(results))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2])
    else:
        download(sys.argv[2])
