# Sourced by the HTTP benchmarks. load URL [HEADER [SCRIPT-ARGS…]] loads URL with wrk for $duration
# seconds over $connections connections, with the Lua $script if set (given the script arguments),
# and prints "req/s p99-ms"; any non-2xx/3xx answer fails the benchmark.
load() {
  local url=$1 header=${2:-}
  shift $(( $# < 2 ? $# : 2 ))
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --latency ${header:+-H "$header"} ${script:+-s "$script"} \
    "$url" ${script:+--} "$@" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: sys.exit(f"wrk saw {errors.group(1)} error responses")
failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
if failed and any(int(n) for n in failed.groups()): sys.exit(f"wrk saw failed requests: {failed.group(0)}")
print(f"{rps:.0f} {p99:.2f}")'
}
