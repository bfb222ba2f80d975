"""The benchmark inputs, computed the same way by dpex_side.cpp: a 16-bit
hash of the index scaled into the wanted interval. Every value is exactly
representable in float32 and every step is exact, so both sides start from
bit-identical inputs without sharing files.
"""
import numpy as np

# Sizes of bench/main.cpp's CPU run.
TRIAD_N = 1 << 22
REDUCE_N = 1 << 22
REDUCE_GROUPS = 32
REDUCE_LOCAL = 64
STENCIL_N = 1026
BS_N = 1 << 18
# First-call measurement: small, so that the kernel itself takes no time.
FIRST_CALL_N = 1024

TRIAD_S = np.float32(3.0)
BS_R = np.float32(0.02)
BS_V = np.float32(0.30)


def hash16(n, seed):
    i = np.arange(n, dtype=np.uint64)
    h = (i * np.uint64(2654435761) + np.uint64(seed * 40503)) & np.uint64(
        0xFFFFFFFF)
    return (h >> np.uint64(16)).astype(np.float32)


def unit(n, seed):
    """[0, 1) in steps of 2^-16."""
    return hash16(n, seed) / np.float32(65536)


def spot(n, seed):
    """[10, 50): 10 + 40 k / 2^16."""
    return np.float32(10) + (hash16(n, seed) * np.float32(40)) / np.float32(
        65536)


def maturity(n, seed):
    """[0.25, 2): 0.25 + 7 k / 2^18."""
    return np.float32(0.25) + (hash16(n, seed) * np.float32(7)) / np.float32(
        262144)
