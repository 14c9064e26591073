"""Fits the same data with `omsorg model fit --json` and with statsmodels, and fails unless every
estimate and standard error agrees to 1e-6 relative. Usage: logit_reference.py OMSORG_BINARY

The data are made here from a fixed seed, so each run checks the same numbers: dense continuous
columns of different scales, a table of indicators and a small count whose rows repeat (omsorg fits
those as weighted patterns), frequency weights that are not whole numbers, and an L2 penalty (there the reference is Newton's
method on statsmodels' likelihood: statsmodels' own penalised fit is not exact enough)."""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import statsmodels.api as sm

TOLERANCE = 1e-6
SEED = 20261125


def logistic_outcome(rng, X, coefficients):
    linear = X @ coefficients
    return (rng.random(len(linear)) < 1 / (1 + np.exp(-linear))).astype(float)


def dense(rng):
    n = 20_000
    age = rng.normal(8, 4, n)
    income = rng.normal(300_000, 80_000, n)
    months = rng.uniform(0, 12, n)
    related = 0.6 * age + rng.normal(0, 2, n)
    small = rng.normal(0, 0.01, n)
    X = np.column_stack([age, income, months, related, small])
    y = logistic_outcome(rng, sm.add_constant(X), np.array([-1.2, 0.08, -2e-6, 0.05, -0.04, 12.0]))
    return {"names": ["age", "income", "benefit_months", "related", "small"], "X": X, "y": y}


def indicators(rng):
    n = 50_000
    rates = [0.05, 0.1, 0.2, 0.3, 0.4, 0.15, 0.08, 0.25]
    flags = [(rng.random(n) < rate).astype(float) for rate in rates]
    reports = np.minimum(rng.poisson(0.7, n), 5).astype(float)
    X = np.column_stack(flags + [reports])
    truth = np.array([-2.5, 0.7, 0.4, -0.3, 0.2, 0.0, 0.5, 0.9, -0.1, 0.35])
    y = logistic_outcome(rng, sm.add_constant(X), truth)
    return {"names": [f"indicator_{i + 1}" for i in range(len(rates))] + ["reports"], "X": X, "y": y}


def weighted(rng):
    n = 3_000
    X = np.column_stack([rng.normal(0, 1, n), rng.uniform(-1, 1, n), (rng.random(n) < 0.3).astype(float)])
    y = logistic_outcome(rng, sm.add_constant(X), np.array([-0.4, 0.6, -0.8, 0.5]))
    return {"names": ["score", "uniform", "flag"], "X": X, "y": y, "weights": rng.uniform(0.2, 4, n)}


def penalised(rng):
    n = 2_000
    base = rng.normal(0, 1, n)
    X = np.column_stack([base + rng.normal(0, 0.5, n), base + rng.normal(0, 0.5, n), rng.normal(0, 1, n), rng.uniform(0, 3, n)])
    y = logistic_outcome(rng, sm.add_constant(X), np.array([-0.5, 0.7, 0.4, -0.6, 0.3]))
    return {"names": ["twin_a", "twin_b", "noise", "uniform"], "X": X, "y": y, "l2": 30.0}


def write_csv(path, data):
    columns = [data["X"][:, j] for j in range(data["X"].shape[1])] + [data["y"]]
    names = data["names"] + ["outcome"]
    if "weights" in data:
        columns.append(data["weights"])
        names.append("weight")
    # %.17g writes every double so that it reads back as the same double.
    np.savetxt(path, np.column_stack(columns), delimiter=",", header=",".join(names), comments="", fmt="%.17g")


def omsorg_fit(binary, folder, name, data):
    path = os.path.join(folder, f"{name}.csv")
    write_csv(path, data)
    command = [binary, "model", "fit", "--table", path, "--outcome", "outcome", "--json"]
    if "weights" in data:
        command += ["--weights", "weight"]
    if "l2" in data:
        command += ["--l2", repr(data["l2"])]
    run = subprocess.run(command, cwd=folder, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    if run.returncode != 0:
        sys.exit(f"model-reference: {' '.join(command)} failed ({run.returncode}):\n{run.stdout}{run.stderr}")
    return json.loads(run.stdout)


def statsmodels_fit(data):
    """(names, estimates, standard errors, log-likelihood), the intercept first."""
    X = sm.add_constant(data["X"])
    model = sm.GLM(data["y"], X, family=sm.families.Binomial(), freq_weights=data.get("weights"))
    if "l2" not in data:
        # Converged on the coefficients, not the deviance: statsmodels' standard errors are from the
        # weights of the iteration before the last, so the last step must be down to rounding.
        result = model.fit(tol=1e-13, tol_criterion="params", maxiter=200)
        return result.params, result.bse, result.llf
    # statsmodels' own penalised fit (fit_regularized, elastic net with L1_wt=0 and α = λ/n) is
    # coordinate descent that stops about 1e-5 short of the maximum on these data, wherever it is
    # started, so the reference maximises ℓ(β) − λ/2 Σⱼ βⱼ² (the intercept not penalised) by
    # Newton's method on statsmodels' log-likelihood, score and Hessian of this GLM, until the step
    # is rounding. The standard errors are the inverse of the penalised information −H + λP.
    penalty = np.diag(np.r_[0.0, np.full(X.shape[1] - 1, data["l2"])])
    params = np.zeros(X.shape[1])
    for _ in range(100):
        information = -model.hessian(params) + penalty
        step = np.linalg.solve(information, model.score(params) - penalty @ params)
        params = params + step
        if np.max(np.abs(step) / np.maximum(np.abs(params), 1e-300)) < 1e-15:
            break
    else:
        sys.exit("model-reference: the penalised Newton iteration on statsmodels' likelihood did not converge")
    covariance = np.linalg.inv(-model.hessian(params) + penalty)
    return params, np.sqrt(np.diag(covariance)), model.loglike(params)


REFUSED = {
    "a text value": ("x,outcome\n1,0\nthree,1\n", "line 3, column x: 'three' is not a number"),
    "an empty column": ("x,empty,outcome\n1,,0\n2,,1\n", "line 2, column empty: empty value"),
    "an outcome other than 0/1": ("x,outcome\n1,0\n2,2\n", "line 3, column outcome: the outcome must be 0 or 1, not '2'"),
    "no outcome column": ("x,y\n1,0\n", "There is no column 'outcome' for the outcome"),
    "a constant column": ("x,c,outcome\n1,5,0\n2,5,1\n3,5,1\n", "Constant column(s) c"),
}


def check_refusals(binary, folder):
    """Bad tables exit non-zero with a message on standard error that names the row and column."""
    for what, (text, message) in REFUSED.items():
        path = os.path.join(folder, "refused.csv")
        with open(path, "w") as file:
            file.write(text)
        run = subprocess.run([binary, "model", "fit", "--table", path, "--outcome", "outcome", "--json"], cwd=folder,
                             capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
        if run.returncode == 0 or message not in run.stderr:
            sys.exit(f"model-reference: a table with {what} was not refused with '{message}' (exit {run.returncode}):\n{run.stdout}{run.stderr}")
    print(f"model-reference: {len(REFUSED)} bad tables refused with a non-zero exit and a message naming the line and column, or the column")


def relative(a, b):
    return abs(a - b) / abs(b)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: logit_reference.py OMSORG_BINARY")
    binary = os.path.abspath(sys.argv[1])
    rng = np.random.default_rng(SEED)
    datasets = {"dense": dense(rng), "indicators": indicators(rng), "weighted": weighted(rng), "l2": penalised(rng)}
    worst_overall = (0.0, "")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name, data in datasets.items():
            ours = omsorg_fit(binary, folder, name, data)
            estimates, errors, log_likelihood = statsmodels_fit(data)
            names = ["intercept"] + data["names"]
            if [c["name"] for c in ours["coefficients"]] != names or not ours["converged"]:
                sys.exit(f"model-reference: {name}: omsorg fitted {[c['name'] for c in ours['coefficients']]}, converged {ours['converged']}")
            worst = (0.0, "")
            for coefficient, estimate, error in zip(ours["coefficients"], map(float, estimates), map(float, errors)):
                for what, value, reference in (("estimate", coefficient["estimate"], estimate), ("standard error", coefficient["standardError"], error)):
                    difference = relative(value, reference)
                    worst = max(worst, (difference, f"{coefficient['name']} {what}: omsorg {value!r}, statsmodels {reference!r}"))
            likelihood_difference = relative(ours["logLikelihood"], float(log_likelihood))
            status = "ok" if worst[0] <= TOLERANCE and likelihood_difference <= TOLERANCE else "FAILED"
            failed |= status != "ok"
            print(f"model-reference: {name} ({len(data['y'])} rows × {len(data['names'])} columns, {ours['iterations']} iterations): "
                  f"worst relative difference {worst[0]:.2e} ({worst[1]}); log-likelihood {likelihood_difference:.2e} — {status}")
            worst_overall = max(worst_overall, (worst[0], f"{name}: {worst[1]}"))
        check_refusals(binary, folder)
    print(f"model-reference: worst relative difference of all estimates and standard errors {worst_overall[0]:.2e} ({worst_overall[1]})")
    if failed:
        sys.exit(f"model-reference: FAILED: omsorg and statsmodels differ by more than {TOLERANCE:g} relative")


if __name__ == "__main__":
    main()
