// What the kernel language allows: std::min/std::max, sqrtf and std::sqrt,
// a lambda, a struct with a constructor, a const global, a constexpr table,
// a static const local and a struct from a header passed by value. It
// compiles (exit status 0) and the SPIR-V validates.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -I %inputs -o %t/ok --emit=spirv,spirv-asm 2> %t/stderr
// RUN: count 0 < %t/stderr
// RUN: spirv-val %t/ok.spv
// RUN: FileCheck %s < %t/ok.spvasm
#include <dpex/kernel.hpp>
#include "param_types.h"

#include <algorithm>
#include <cmath>
#include <math.h>

namespace {
const float Bias = 0.5f;
constexpr float Weights[4] = {0.1f, 0.2f, 0.3f, 0.4f};

struct Clamp {
  float lo, hi;
  Clamp(float lo, float hi) : lo(lo), hi(hi) {}
  float operator()(float v) const { return std::min(std::max(v, lo), hi); }
};
} // namespace

DPEX_KERNEL void allowed(dpex::item<1> it, types::Pod p, const float *in,
                         float *out) {
  static const int Stride = 1;
  size_t i = it.get_id(0) * Stride;
  auto square = [](float v) { return v * v; };
  Clamp clamp(0.0f, p.a);
  float v = sqrtf(in[i]) + std::sqrt(square(in[i])) + Weights[i % 4] + Bias;
  out[i] = clamp(v) + std::min(p.b, 3);
}

// CHECK: OpEntryPoint Kernel %{{[0-9]+}} "_Z7allowedN4dpex4itemILi1EEEN5types3PodEPKfPf"
// CHECK: OpExtInst %float %{{[0-9]+}} sqrt
