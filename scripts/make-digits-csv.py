#!/usr/bin/env python3
"""Writes a digits-like CSV (bench/data/digits-1800x64.csv): 1800 rows of an 8 x 8 image, pixels 0-16 as integers, and a
column 'digit' with 10 classes. Each class has a prototype image of strokes; a row is its class's prototype, shifted by
up to one pixel, with pixel noise. Deterministic (seed 11). Standard library only, so it runs anywhere python3 does."""
import os
import random
import sys

ROWS, SIDE, CLASSES = 1800, 8, 10


def prototype(rng):
    image = [[0.0] * SIDE for _ in range(SIDE)]
    for _ in range(3):  # three strokes of random direction
        r, c = rng.randrange(1, SIDE - 1), rng.randrange(1, SIDE - 1)
        dr, dc = rng.choice([(0, 1), (1, 0), (1, 1), (1, -1)])
        for _ in range(rng.randrange(3, 7)):
            if 0 <= r < SIDE and 0 <= c < SIDE:
                image[r][c] = 16.0
            r, c = r + dr, c + dc
    return image


def row(rng, image):
    dr, dc = rng.randrange(-1, 2), rng.randrange(-1, 2)
    pixels = []
    for r in range(SIDE):
        for c in range(SIDE):
            sr, sc = r - dr, c - dc
            base = image[sr][sc] if 0 <= sr < SIDE and 0 <= sc < SIDE else 0.0
            pixels.append(min(16, max(0, round(base * rng.uniform(0.5, 1.0) + rng.gauss(0, 2.5)))))
    return pixels


def main(path):
    rng = random.Random(11)
    prototypes = [prototype(rng) for _ in range(CLASSES)]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "w") as out:
        out.write(",".join([f"p{i}" for i in range(SIDE * SIDE)] + ["digit"]) + "\n")
        for _ in range(ROWS):
            label = rng.randrange(CLASSES)
            out.write(",".join(str(v) for v in row(rng, prototypes[label])) + f",{label}\n")
    os.replace(temporary, path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "bench", "data", "digits-1800x64.csv"))
