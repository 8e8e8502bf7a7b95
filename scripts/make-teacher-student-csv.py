#!/usr/bin/env python3
"""Writes the teacher-student CSV of issue 28 (bench/data/teacher-student.csv): 2400 rows of 40 standard-normal inputs
x0..x39 and a label from a random two-layer tanh teacher that reads only x0..x3 (hidden width 8, 3 classes, label =
argmax of the teacher's logits). The other 36 inputs are pure noise, so group L1 over inputs should keep exactly 4.
Deterministic (seed 28); standard library only, so it runs anywhere python3 does."""
import math
import os
import random
import sys

ROWS, FEATURES, INFORMATIVE, HIDDEN, CLASSES = 2400, 40, 4, 8, 3


def teacher(rng):
    w1 = [[rng.gauss(0, 1) for _ in range(HIDDEN)] for _ in range(INFORMATIVE)]
    b1 = [rng.gauss(0, 0.5) for _ in range(HIDDEN)]
    w2 = [[rng.gauss(0, 1) for _ in range(CLASSES)] for _ in range(HIDDEN)]
    def label(x):
        hidden = [math.tanh(sum(x[i] * w1[i][j] for i in range(INFORMATIVE)) + b1[j]) for j in range(HIDDEN)]
        logits = [sum(hidden[j] * w2[j][c] for j in range(HIDDEN)) for c in range(CLASSES)]
        return max(range(CLASSES), key=lambda c: logits[c])
    return label


def main(path):
    rng = random.Random(28)
    label = teacher(rng)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w") as out:
        out.write(",".join([f"x{i}" for i in range(FEATURES)] + ["label"]) + "\n")
        for _ in range(ROWS):
            x = [rng.gauss(0, 1) for _ in range(FEATURES)]
            out.write(",".join(f"{v:.5f}" for v in x) + f",c{label(x)}\n")
    os.replace(temporary, path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "bench", "data", "teacher-student.csv"))
