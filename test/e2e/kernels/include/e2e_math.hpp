// Shared by math_kernels.cpp and MathKernelsTest.cpp.
#pragma once

#include <cstddef>

namespace e2e {
constexpr std::size_t math_function_count = 35;
constexpr std::size_t std_function_count = 16;
} // namespace e2e
