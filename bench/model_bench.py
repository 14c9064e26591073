"""Times one logistic regression three ways on the same in-memory data: scikit-learn (lbfgs, no
penalty), statsmodels Logit, and `omsorg model fit` (its own fit time, reported with --timing, the
reading of the CSV left out). Prints one JSON line per table: times and the largest coefficient
difference from statsmodels. Usage: model_bench.py OMSORG WORKDIR ROWS COLUMNS"""
import json
import subprocess
import sys
import time

import numpy as np
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression


def dense(rows, columns, rng):
    x = rng.standard_normal((rows, columns))
    beta = rng.uniform(-0.5, 0.5, columns)
    return x, beta


def indicators(rows, columns, rng):
    """0/1 indicators of varied prevalence, and a few small counts, as an indicator table has."""
    prevalence = rng.uniform(0.02, 0.3, columns)
    x = (rng.random((rows, columns)) < prevalence).astype(float)
    for column in range(0, columns, 10):
        x[:, column] = rng.poisson(0.5, rows).clip(0, 3)
    beta = rng.uniform(-0.8, 1.2, columns)
    return x, beta


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def bench(name, x, beta, rng, omsorg, workdir):
    logit = -2.0 + x @ beta
    y = (rng.random(len(logit)) < 1 / (1 + np.exp(-logit))).astype(float)
    names = [f"x{i}" for i in range(x.shape[1])]
    path = f"{workdir}/{name}.csv"
    np.savetxt(path, np.column_stack([x, y]), delimiter=",", header=",".join(names + ["y"]), comments="", fmt="%.17g")

    sklearn_seconds, model = timed(lambda: LogisticRegression(penalty=None, solver="lbfgs", max_iter=1000, tol=1e-8).fit(x, y))
    design = sm.add_constant(x)
    statsmodels_seconds, fit = timed(lambda: sm.Logit(y, design).fit(disp=0, method="newton", tol=1e-10, maxiter=100))

    run = subprocess.run([omsorg, "model", "fit", "--table", path, "--outcome", "y", "--json", "--timing"],
                         capture_output=True, text=True, check=True)
    timing = [line for line in run.stderr.splitlines() if line.startswith("timing:")][0]
    omsorg_seconds = float(timing.split("fit ")[1].split(" s")[0])
    ours = {c["name"]: c["estimate"] for c in json.loads(run.stdout)["coefficients"]}
    reference = dict(zip(["intercept"] + names, fit.params))
    sklearn = dict(zip(["intercept"] + names, [model.intercept_[0], *model.coef_[0]]))
    print(json.dumps({
        "table": name, "omsorg": omsorg_seconds, "sklearn": sklearn_seconds, "statsmodels": statsmodels_seconds,
        "difference": max(abs(ours[k] - reference[k]) for k in reference),
        "sklearnDifference": max(abs(sklearn[k] - reference[k]) for k in reference),
    }))


def main():
    omsorg, workdir, rows, columns = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = np.random.default_rng(42)
    bench("dense", *dense(rows, columns, rng), rng, omsorg, workdir)
    bench("indicators", *indicators(rows, columns, rng), rng, omsorg, workdir)


if __name__ == "__main__":
    main()
