# Sourced by the benchmarks that compare TPE with random search (bench-tpe.sh, bench-pareto.sh), after they set `root`
# and `seeds`: readies the CLI and a temporary folder `work` (removed at exit), and defines run_random_and_tpe.
"$root/scripts/setup-native.sh" >/dev/null
"$root/scripts/build-cli.sh"
cli="$root/artifacts/cli/sweepcluster"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run_random_and_tpe FILE [run arguments...]: runs FILE with method random and method tpe for each of `seeds`, each into
# $work/<method>-<seed>; a failed run prints its log and ends the benchmark.
run_random_and_tpe() {
    local file=$1 seed method
    shift
    for seed in $seeds; do
        for method in random tpe; do
            "$cli" run "$file" --out "$work/$method-$seed" --set "method=$method" --set "seed=$seed" "$@" >"$work/log" 2>&1 \
                || { cat "$work/log" >&2; exit 1; }
        done
    done
}
