#!/usr/bin/env python3
"""The PyTorch + Optuna baseline of scripts/bench-vs-optuna.sh: trains the trials a SweepCluster run recorded (its
results.jsonl: lambda, dropout and widths of each) one at a time under an Optuna study, the way an Optuna user would
write the sweep: the same data split rule (a seeded 20 % validation split, features standardised with the training
split's statistics), Linear -> ReLU -> Dropout blocks, logits out, cross-entropy plus lambda * sum |W| over the weight
matrices, Adam, the same epochs and batch size, the best epoch's validation loss as the objective. The trials are
enqueued, so both sides train the same 12 networks.
usage: optuna_baseline.py CSV LABEL RESULTS_JSONL EPOCHS BATCH LEARNING_RATE"""
import csv
import json
import os
import sys

import optuna
import torch
from torch import nn


def load(path, label):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    features = [c for c in rows[0] if c != label]
    classes = sorted({r[label] for r in rows})
    x = torch.tensor([[float(r[c]) for c in features] for r in rows], dtype=torch.float32)
    y = torch.tensor([classes.index(r[label]) for r in rows])
    order = torch.randperm(len(rows), generator=torch.Generator().manual_seed(0))
    validation = round(len(rows) * 0.2)
    train, val = order[validation:], order[:validation]
    mean, std = x[train].mean(0), x[train].std(0).clamp_min(1e-12)
    return (x[train] - mean) / std, y[train], (x[val] - mean) / std, y[val], len(classes)


def network(inputs, widths, outputs, dropout):
    layers, width = [], inputs
    for w in widths:
        layers += [nn.Linear(width, w), nn.ReLU(), nn.Dropout(dropout)]
        width = w
    return nn.Sequential(*layers, nn.Linear(width, outputs))


def main(csv_path, label, results_path, epochs, batch, learning_rate):
    # PyTorch's usual default is one thread per core; Debian's build starts at 1, which would handicap the baseline.
    torch.set_num_threads(os.cpu_count())
    xt, yt, xv, yv, classes = load(csv_path, label)
    recorded = sorted((json.loads(line) for line in open(results_path) if line.strip()), key=lambda r: r["index"])
    trials = [{v["name"]: v["text"] for v in r["swept_values"]} for r in recorded]
    lambdas = [float(t["lambda"]) for t in trials]
    dropouts = sorted({t["dropout"] for t in trials})
    widths = sorted({t["widths"] for t in trials})

    def objective(trial):
        lam = trial.suggest_float("lambda", min(lambdas), max(lambdas), log=min(lambdas) > 0)
        dropout = float(trial.suggest_categorical("dropout", dropouts))
        model = network(xt.shape[1], json.loads(trial.suggest_categorical("widths", widths)), classes, dropout)
        optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
        weights = [m.weight for m in model if isinstance(m, nn.Linear)]
        best = float("inf")
        for _ in range(epochs):
            model.train()
            for i in torch.randperm(len(xt)).split(batch):
                loss = nn.functional.cross_entropy(model(xt[i]), yt[i]) + lam * sum(w.abs().sum() for w in weights)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():
                best = min(best, nn.functional.cross_entropy(model(xv), yv).item())
        return best

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.RandomSampler(seed=42))
    for t in trials:
        study.enqueue_trial({"lambda": float(t["lambda"]), "dropout": t["dropout"], "widths": t["widths"]})
    study.optimize(objective, n_trials=len(trials))
    print(f"optuna {optuna.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads): "
          f"{len(trials)} trials, best val_loss {study.best_value:.4f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]))
