# Sourced by the HTTP benchmarks. load URL [HEADER] loads URL with wrk for $duration seconds over
# $connections connections and prints "req/s p99-ms"; any non-2xx/3xx answer fails the benchmark.
load() {
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --latency ${2:+-H "$2"} "$1" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: sys.exit(f"wrk saw {errors.group(1)} error responses")
print(f"{rps:.0f} {p99:.2f}")'
}
