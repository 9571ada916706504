#!/bin/sh
# A stand-in nvidia-smi for tests: one GPU, every field reported.
echo "0, 1024, 4096, 30, 100.5, 400.00"
