#include <dpex/kernel.hpp>

// A class in an anonymous namespace has no linkage name.
namespace {
struct Clamp {
  float lo, hi;
  float operator()(float v) const { return v < lo ? lo : v > hi ? hi : v; }
};
} // namespace

DPEX_KERNEL void anonymous_class_k(dpex::item<1> it, float *out) {
  Clamp c{-1.0f, 1.0f};
  out[it.get_id(0)] = c(out[it.get_id(0)]);
}
