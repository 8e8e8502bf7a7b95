#!/usr/bin/env python3
"""Writes the benchmark's 6000 x 30 CSV (bench/data/seed-6000x30.csv): 5 classes, the first 6 columns informative
(class-dependent means), the other 24 noise; deterministic (seed 7). Standard library only, so it runs anywhere
python3 does."""
import os
import random
import sys

ROWS, FEATURES, INFORMATIVE, CLASSES = 6000, 30, 6, 5


def main(path):
    rng = random.Random(7)
    centres = [[rng.gauss(0, 1.5) for _ in range(INFORMATIVE)] for _ in range(CLASSES)]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w") as out:
        out.write(",".join([f"x{i}" for i in range(FEATURES)] + ["label"]) + "\n")
        for _ in range(ROWS):
            label = rng.randrange(CLASSES)
            values = [centres[label][i] + rng.gauss(0, 1) for i in range(INFORMATIVE)]
            values += [rng.gauss(0, 1) for _ in range(FEATURES - INFORMATIVE)]
            out.write(",".join(f"{v:.4f}" for v in values) + f",c{label}\n")
    os.replace(temporary, path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "bench", "data", "seed-6000x30.csv"))
