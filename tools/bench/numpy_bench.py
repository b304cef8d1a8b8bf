"""Times every case of tools/bench/numpy_cases*.py; prints 'name<TAB>ns per value' lines.
Usage: /usr/bin/python3 numpy_bench.py [substring filter ...]"""
import glob
import importlib.util
import os
import sys
import timeit

REPEAT = 7
MIN_SAMPLE_SECONDS = 0.04


def load_cases():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = {}
    for path in sorted(glob.glob(os.path.join(here, "numpy_cases*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases.update(module.CASES)
    return cases


def measure(fn, values):
    timer = timeit.Timer(fn)
    number = 1
    while timer.timeit(number) < MIN_SAMPLE_SECONDS:  # warms up and finds a sample size, as the .NET side does
        number *= 2
    best = min(timer.repeat(repeat=REPEAT, number=number))
    return best / number / values * 1e9


def main():
    filters = sys.argv[1:]
    for name, (fn, values) in sorted(load_cases().items()):
        if filters and not any(f.lower() in name.lower() for f in filters):
            continue
        print(f"{name}\t{measure(fn, values):.3f}", flush=True)


if __name__ == "__main__":
    main()
