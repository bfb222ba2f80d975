"""bench/kernels/bench_kernels.cpp, statement by statement, as numba_dpex
kernels (numba-dpex 0.23 exports kernel, device_func, call_kernel,
call_kernel_async, Range and NdRange from the top-level package; they were
numba_dpex.experimental before it).

Constants are float32 module globals: a Python float literal would make numba
compute in double where the C++ kernel computes in float.
"""
import math

import numpy as np
from numba_dpex import device_func, kernel
from numba_dpex import kernel_api as kapi

F0 = np.float32(0.0)
F02 = np.float32(0.2)
HALF = np.float32(0.5)
NEG_INV_SQRT2 = np.float32(-0.70710678)


# The launcher finds the queue in the array arguments and has no explicit
# queue argument, so the empty kernel takes one array it never reads.
@kernel
def empty(item, unused):
    pass


@kernel
def triad(item, s, b, c, a):
    i = item.get_id(0)
    a[i] = b[i] + s * c[i]


@kernel
def reduce(nd_item, n, x, partial, scratch):
    lid = nd_item.get_local_id(0)
    stride = nd_item.get_global_range(0)
    s = F0
    i = nd_item.get_global_id(0)
    while i < n:
        s += x[i]
        i += stride
    scratch[lid] = s
    kapi.group_barrier(nd_item.get_group())
    active = nd_item.get_local_range(0) // 2
    while active > 0:
        if lid < active:
            scratch[lid] += scratch[lid + active]
        kapi.group_barrier(nd_item.get_group())
        active //= 2
    if lid == 0:
        partial[nd_item.get_group().get_group_id(0)] = scratch[0]


@kernel
def stencil(item, n, inp, out):
    c = (item.get_id(0) + 1) * n + item.get_id(1) + 1
    out[c] = F02 * (inp[c] + inp[c - 1] + inp[c + 1] + inp[c - n] + inp[c + n])


# The stencil with the two ids swapped, which computes the same cells. In
# numba-dpex 0.23 get_id(0) is OpenCL's dimension 0, the unit-stride one (the
# launcher reverses the range, the kernel reads GlobalInvocationId(0)), where
# in dpex and SYCL it is the last dimension; so in `stencil`, as written,
# neighbouring work-items are a row apart.
@kernel
def stencil_swapped(item, n, inp, out):
    c = (item.get_id(1) + 1) * n + item.get_id(0) + 1
    out[c] = F02 * (inp[c] + inp[c - 1] + inp[c + 1] + inp[c - n] + inp[c + n])


@device_func
def cnd(d):
    return HALF * math.erfc(NEG_INV_SQRT2 * d)


@kernel
def black_scholes(item, r, v, S, X, T, call, put):
    i = item.get_id(0)
    s = S[i]
    x = X[i]
    t = T[i]
    sqrtT = math.sqrt(t)
    d1 = (math.log(s / x) + (r + HALF * v * v) * t) / (v * sqrtT)
    d2 = d1 - v * sqrtT
    discounted = x * math.exp(-r * t)
    call[i] = s * cnd(d1) - discounted * cnd(d2)
    put[i] = discounted * cnd(-d2) - s * cnd(-d1)
