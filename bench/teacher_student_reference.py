#!/usr/bin/env python3
"""PyTorch reference for bench/teacher-student.yaml (issue 28: group L1 over inputs + relaxed-lasso refit), to compare
SweepCluster's accuracy per lambda with. Needs python3-torch and numpy (Debian's /usr/bin/python3 has them):
    python3 scripts/make-teacher-student-csv.py && /usr/bin/python3 bench/teacher_student_reference.py [--seeds 0 1 2]

Network Linear(40,32)-ReLU-Linear(32,3), Adam lr 1e-2, batch 64, cross-entropy.
Phase 1: 30 epochs; after every Adam step the proximal group soft-threshold on each input column j of the first
weight W1[:, j] (p_g = 32): W_g <- W_g * max(0, 1 - lr*lambda*sqrt(32)/||W_g||)  (as GroupSoftThreshold.cs).
Best epoch by validation loss (as SweepCluster's BestState). Active inputs: columns with any |w| > 1e-3.
Phase 2 (lambda > 0 only): restore the best regularised epoch, zero and freeze the dropped input columns
(grad masked and re-zeroed after each step), FRESH Adam, 20 epochs, lambda 0, best epoch among the refit epochs by
validation loss. No patience (SweepCluster's default patience 0 = none).
Split: seeded shuffle, validation fraction from the command line (default 0.25 like the yaml, 600 rows),
standardised with the training split's mean/std (population std). The split is fixed across model seeds.
"""
import argparse, copy, math, os, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LAMBDAS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.2]
LR, BATCH, EPOCHS, REFIT, WIDTH, THRESH = 1e-2, 64, 30, 20, 32, 1e-3


def load(path, val_fraction, split_seed):
    raw = np.genfromtxt(path, delimiter=",", skip_header=1, dtype=str)
    x = raw[:, :-1].astype(np.float64)
    classes = sorted(set(raw[:, -1]))
    y = np.array([classes.index(c) for c in raw[:, -1]])
    order = np.random.RandomState(split_seed).permutation(len(y))
    nval = int(round(len(y) * val_fraction))
    va, tr = order[:nval], order[nval:]
    mean, std = x[tr].mean(0), x[tr].std(0)
    std[std < 1e-12] = 1.0
    z = (x - mean) / std
    t = lambda a: torch.tensor(a, dtype=torch.float32)
    return t(z[tr]), torch.tensor(y[tr]), t(z[va]), torch.tensor(y[va])


def evaluate(net, xv, yv):
    with torch.no_grad():
        logits = net(xv)
        return F.cross_entropy(logits, yv).item(), (logits.argmax(1) == yv).float().mean().item()


def group_shrink(w, scale):
    # w: [out, in]; a group is a column (every weight leaving one input), p_g = out
    with torch.no_grad():
        norms = w.pow(2).sum(0, keepdim=True).sqrt().clamp_min(1e-30)
        w.mul_((1 - scale * math.sqrt(w.shape[0]) / norms).clamp_min(0))


def run_phase(net, data, epochs, lam, gen, mask=None):
    xt, yt, xv, yv = data
    opt = torch.optim.Adam(net.parameters(), lr=LR)  # fresh optimizer state per phase
    w1 = net[0].weight
    best = None
    for epoch in range(epochs):
        perm = torch.randperm(len(yt), generator=gen)
        for s in range(0, len(yt), BATCH):
            idx = perm[s:s + BATCH]
            opt.zero_grad()
            F.cross_entropy(net(xt[idx]), yt[idx]).backward()
            if mask is not None:
                w1.grad.mul_(mask)
            opt.step()
            if lam > 0:
                group_shrink(w1, LR * lam)
            if mask is not None:
                with torch.no_grad():
                    w1.mul_(mask)
        loss, acc = evaluate(net, xv, yv)
        if best is None or loss < best[0]:
            best = (loss, acc, epoch + 1, copy.deepcopy(net.state_dict()))
    net.load_state_dict(best[3])
    return best[:3]


def trial(data, lam, seed):
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed + 1000)
    net = nn.Sequential(nn.Linear(40, WIDTH), nn.ReLU(), nn.Linear(WIDTH, 3))
    loss0, acc0, ep0 = run_phase(net, data, EPOCHS, lam, gen)
    kept = (net[0].weight.detach().abs() > THRESH).any(0)
    active = [i for i in range(40) if kept[i]]
    if lam > 0:
        mask = kept.float().unsqueeze(0).expand_as(net[0].weight).clone()
        with torch.no_grad():
            net[0].weight.mul_(mask)
        loss1, acc1, ep1 = run_phase(net, data, REFIT, 0.0, gen, mask)
    else:
        loss1, acc1, ep1 = loss0, acc0, ep0
    return dict(active=active, acc0=acc0, loss0=loss0, ep0=ep0, acc1=acc1, loss1=loss1, ep1=ep1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "teacher-student.csv"))
    ap.add_argument("--val-fraction", type=float, default=0.25)
    ap.add_argument("--split-seed", type=int, default=42)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    a = ap.parse_args()
    torch.set_num_threads(1)
    data = load(a.csv, a.val_fraction, a.split_seed)
    print(f"train {len(data[1])} rows, validation {len(data[3])} rows, split seed {a.split_seed}, model seeds {a.seeds}")
    print("| λ | active inputs per seed | exactly x0..x3 | acc no refit (mean ± std) | acc refit (mean ± std) | "
          "per seed no refit / refit (%) | refit best epoch | loss no refit | loss refit |")
    print("|---:|---|---|---:|---:|---|---|---:|---:|")
    t0 = time.time()
    for lam in LAMBDAS:
        rs = [trial(data, lam, s) for s in a.seeds]
        a0 = np.array([r["acc0"] for r in rs]) * 100
        a1 = np.array([r["acc1"] for r in rs]) * 100
        l0 = np.array([r["loss0"] for r in rs]); l1 = np.array([r["loss1"] for r in rs])
        sd = lambda v: v.std(ddof=1) if len(v) > 1 else 0.0
        act = "/".join(str(len(r["active"])) for r in rs)
        exact = "/".join("yes" if r["active"] == [0, 1, 2, 3] else "no" for r in rs)
        per = ", ".join(f"{x:.1f}/{y:.1f}" for x, y in zip(a0, a1))
        eps = "/".join(str(r["ep1"]) for r in rs) if lam > 0 else "-"
        print(f"| {lam} | {act} | {exact} | {a0.mean():.1f} ± {sd(a0):.1f} | {a1.mean():.1f} ± {sd(a1):.1f} | {per} | {eps} "
              f"| {l0.mean():.3f} | {l1.mean():.3f} |", flush=True)
        for s, r in zip(a.seeds, rs):
            if r["active"] != [0, 1, 2, 3] and len(r["active"]) <= 12:
                print(f"    seed {s}: kept {['x%d' % i for i in r['active']]}")
    print(f"elapsed {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
