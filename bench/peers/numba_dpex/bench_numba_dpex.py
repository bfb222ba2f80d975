#!/usr/bin/env python3
"""The numba_dpex side of bench/peers/numba_dpex: prints one JSON object.

usage: bench_numba_dpex.py first-call --device FILTER
       bench_numba_dpex.py steady --device FILTER --out-dir DIR
                           [--sync-calls N] [--batches N] [--kernel-reps N]

dpex_side.cpp takes the same arguments and measures the same things; run.sh
runs the two alternately. The device must be Intel's OpenCL CPU runtime.
"""
import argparse
import json
import os
import statistics
import sys
import time

t_start = time.perf_counter()
import dpctl  # noqa: E402
import dpnp  # noqa: E402
import numpy as np  # noqa: E402
from numba_dpex import NdRange, Range, call_kernel, call_kernel_async  # noqa: E402
from numba_dpex import kernel_api as kapi  # noqa: E402

import inputs as inp  # noqa: E402
import kernels as k  # noqa: E402

import_s = time.perf_counter() - t_start

BATCH = 256


def make_queues(filter_string):
    """The device; an in-order queue on it (as dpex's queues are) and one
    with profiling for the kernels' device time, the two dpex_side.cpp
    makes; and dpctl's cached default queue of the device: numba-dpex 0.23
    types a LocalAccessor as an array on that queue, so the arrays of a
    kernel with local memory must be on it too (the launcher rejects any
    other queue), and that queue has no profiling."""
    dev = dpctl.SyclDevice(filter_string)
    if "Intel(R) OpenCL" not in dev.sycl_platform.name:
        sys.exit(f"bench_numba_dpex: {filter_string} is '{dev.name}' on "
                 f"'{dev.sycl_platform.name}', not Intel's OpenCL runtime")
    if dpctl.SyclDevice() != dev:
        sys.exit("bench_numba_dpex: the default device must be the measured "
                 "one (run.sh makes Intel's runtime the only OpenCL driver)")
    q = dpctl.SyclQueue(dev, property="in_order")
    profiled = dpctl.SyclQueue(dev, property=["enable_profiling", "in_order"])
    return dev, q, profiled, dpctl.get_device_cached_queue(dev)


def dev_array(q, host):
    return dpnp.asarray(host, sycl_queue=q)


def first_call(q, lq):
    """Seconds from created arrays to the first completed triad, and to the
    first completion of each of the five kernels, one after the other (each
    compiles on its first call); then a second triad."""
    n = inp.FIRST_CALL_N
    b, c = dev_array(q, inp.unit(n, 1)), dev_array(q, inp.unit(n, 2))
    a = dpnp.zeros(n, dtype=np.float32, sycl_queue=q)
    x = dev_array(lq, inp.unit(n, 5))
    partial = dpnp.zeros(1, dtype=np.float32, sycl_queue=lq)
    grid = dev_array(q, inp.unit(64 * 64, 6))
    out = dpnp.zeros(64 * 64, dtype=np.float32, sycl_queue=q)
    S, X, T = (dev_array(q, inp.spot(n, 7)), dev_array(q, inp.spot(n, 8)),
               dev_array(q, inp.maturity(n, 9)))
    call, put = (dpnp.zeros(n, dtype=np.float32, sycl_queue=q),
                 dpnp.zeros(n, dtype=np.float32, sycl_queue=q))
    q.wait()
    lq.wait()
    t0 = time.perf_counter()
    call_kernel(k.triad, Range(n), inp.TRIAD_S, b, c, a)
    triad_s = time.perf_counter() - t0
    call_kernel(k.empty, Range(1), a)
    call_kernel(k.reduce, NdRange(Range(64), Range(64)), n, x, partial,
                kapi.LocalAccessor((64,), dtype=np.float32))
    call_kernel(k.stencil, Range(62, 62), 64, grid, out)
    call_kernel(k.black_scholes, Range(n), inp.BS_R, inp.BS_V, S, X, T, call,
                put)
    all_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    call_kernel(k.triad, Range(n), inp.TRIAD_S, b, c, a)
    second_s = time.perf_counter() - t1
    expected = inp.unit(n, 1) + inp.TRIAD_S * inp.unit(n, 2)
    if not np.allclose(dpnp.asnumpy(a), expected, rtol=1e-6):
        sys.exit("bench_numba_dpex: first-call triad gave wrong results")
    return {"import_s": import_s, "first_triad_s": triad_s,
            "first_all_s": all_s, "second_triad_s": second_s}


def dispatch(q, sync_calls, batches):
    unused = dpnp.zeros(1, dtype=np.float32, sycl_queue=q)
    r1 = Range(1)
    for _ in range(sync_calls // 10):
        call_kernel(k.empty, r1, unused)
    sync = []
    for _ in range(sync_calls):
        t = time.perf_counter_ns()
        call_kernel(k.empty, r1, unused)
        sync.append(time.perf_counter_ns() - t)

    def chain():
        start = time.perf_counter_ns()
        previous = dpctl.SyclEvent()
        for _ in range(BATCH):
            _, previous = call_kernel_async(k.empty, r1, (previous,), unused)
        submit = time.perf_counter_ns() - start
        # Like dpex's queue::wait: the kernels and the host tasks that
        # release the launches' arguments.
        q.wait()
        return submit, time.perf_counter_ns() - start

    chain()
    submits, totals = [], []
    for _ in range(batches):
        s, t = chain()
        submits.append(s / BATCH)
        totals.append(t / BATCH)
    return {"sync_us": statistics.median(sync) / 1e3,
            "chain_submit_us": statistics.median(submits) / 1e3,
            "chain_total_us": statistics.median(totals) / 1e3}


def kernel_times(name, queue, kernel, space, args, reps, res):
    """Median device time of async launches (profiling queues only) and
    median wall time of sync launches, in ms, after one warm-up launch."""
    call_kernel(kernel, space, *args)
    wall = []
    for _ in range(reps):
        t = time.perf_counter_ns()
        call_kernel(kernel, space, *args)
        wall.append(time.perf_counter_ns() - t)
    res[name + "_wall_ms"] = statistics.median(wall) / 1e6
    if not queue.has_enable_profiling:
        return
    dev = []
    for _ in range(reps):
        _, ev = call_kernel_async(kernel, space, (), *args)
        ev.wait()
        dev.append(ev.profiling_info_end - ev.profiling_info_start)
    queue.wait()
    res[name + "_ms"] = statistics.median(dev) / 1e6


def kernels(q, lq, reps, out_dir):
    res = {}
    n = inp.TRIAD_N
    b, c = dev_array(q, inp.unit(n, 1)), dev_array(q, inp.unit(n, 2))
    a = dpnp.zeros(n, dtype=np.float32, sycl_queue=q)
    kernel_times("triad", q, k.triad, Range(n), (inp.TRIAD_S, b, c, a), reps,
                 res)

    n, groups, local = inp.REDUCE_N, inp.REDUCE_GROUPS, inp.REDUCE_LOCAL
    x = dev_array(lq, inp.unit(n, 5))
    partial = dpnp.zeros(groups, dtype=np.float32, sycl_queue=lq)
    scratch = kapi.LocalAccessor((local,), dtype=np.float32)
    kernel_times("reduce", lq, k.reduce,
                 NdRange(Range(groups * local), Range(local)),
                 (n, x, partial, scratch), reps, res)

    n = inp.STENCIL_N
    grid = dev_array(q, inp.unit(n * n, 6))
    out = dpnp.zeros(n * n, dtype=np.float32, sycl_queue=q)
    kernel_times("stencil", q, k.stencil, Range(n - 2, n - 2), (n, grid, out),
                 reps, res)
    swapped = dpnp.zeros(n * n, dtype=np.float32, sycl_queue=q)
    kernel_times("stencil_swapped", q, k.stencil_swapped, Range(n - 2, n - 2),
                 (n, grid, swapped), reps, res)

    n = inp.BS_N
    S, X, T = (dev_array(q, inp.spot(n, 7)), dev_array(q, inp.spot(n, 8)),
               dev_array(q, inp.maturity(n, 9)))
    call = dpnp.zeros(n, dtype=np.float32, sycl_queue=q)
    put = dpnp.zeros(n, dtype=np.float32, sycl_queue=q)
    kernel_times("black_scholes", q, k.black_scholes, Range(n),
                 (inp.BS_R, inp.BS_V, S, X, T, call, put), reps, res)
    for name, arr in [("triad", a), ("reduce", partial), ("stencil", out),
                      ("stencil_swapped", swapped),
                      ("bs_call", call), ("bs_put", put)]:
        dpnp.asnumpy(arr).tofile(os.path.join(out_dir, name + ".f32"))
    return res


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=["first-call", "steady"])
    p.add_argument("--device", required=True)
    p.add_argument("--out-dir")
    p.add_argument("--sync-calls", type=int, default=2000)
    p.add_argument("--batches", type=int, default=20)
    p.add_argument("--kernel-reps", type=int, default=11)
    args = p.parse_args()
    dev, q, profiled, lq = make_queues(args.device)
    result = {"side": "numba_dpex", "device": dev.name,
              "platform": dev.sycl_platform.name,
              "driver": dev.driver_version,
              "queue_s": time.perf_counter() - t_start}
    if args.mode == "first-call":
        result.update(first_call(q, lq))
    else:
        if not args.out_dir:
            p.error("steady needs --out-dir")
        os.makedirs(args.out_dir, exist_ok=True)
        result.update(dispatch(q, args.sync_calls, args.batches))
        result.update(kernels(profiled, lq, args.kernel_reps, args.out_dir))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
