#include "SimKernels.h"

#include "IntactImage.h"
#include "dpexsim.h"

#include <dlfcn.h>

#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>

namespace dpex_sim {

namespace {

using dpex::detail::arg_desc;
using dpex::detail::arg_kind;
using dpex::detail::device_image;
using dpex::detail::image_format;
using dpex::detail::kernel_desc;
using dpex::detail::module_desc;
using dpex_test::intactImage;

// Declarations in dpexc's parameter ABI (docs/runtime.md, "CUDA"); the
// bodies are placeholders, since the simulation runs the host functions
// below instead.
const char ptx[] = R"(
.version 7.5
.target sm_80
.address_size 64

.extern .shared .align 16 .b8 dpex_dyn[];

.visible .entry dpex_sim_mark(
	.param .u64 dpex_sim_mark_data,
	.param .u32 dpex_sim_mark_tag
)
{
	ret;
}

.visible .entry dpex_sim_saxpy(
	.param .f32 dpex_sim_saxpy_a,
	.param .u64 .ptr .global .align 4 dpex_sim_saxpy_x,
	.param .u64 .ptr .global .align 4 dpex_sim_saxpy_y
)
{
	ret;
}

.visible .entry dpex_sim_group_sum(
	.param .u64 dpex_sim_group_sum_in,
	.param .u64 dpex_sim_group_sum_tile,
	.param .u64 dpex_sim_group_sum_out
)
{
	ret;
}
)";

const device_image images[] = {
    intactImage(image_format::ptx, ptx, sizeof(ptx), 80)};
const module_desc module{"sim_kernels.cpp", images, 1};

const arg_desc mark_args[] = {{arg_kind::global_pointer, 4, 4, "data", "int*"},
                              {arg_kind::scalar, 4, 4, "tag", "int"}};
const kernel_desc mark_desc{
    &module, "dpex_sim_mark", "dpex_sim::mark", 1, false, mark_args, 2};

const arg_desc saxpy_args[] = {
    {arg_kind::scalar, 4, 4, "a", "float"},
    {arg_kind::global_pointer, 4, 4, "x", "const float*"},
    {arg_kind::global_pointer, 4, 4, "y", "float*"}};
const kernel_desc saxpy_desc{
    &module, "dpex_sim_saxpy", "dpex_sim::saxpy", 1, false, saxpy_args, 3};

const arg_desc group_sum_args[] = {
    {arg_kind::global_pointer, 4, 4, "in", "const int*"},
    {arg_kind::local_accessor, 4, 4, "tile", "dpex::local_accessor<int>"},
    {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc group_sum_desc{&module,
                                 "dpex_sim_group_sum",
                                 "dpex_sim::groupSum",
                                 1,
                                 true,
                                 group_sum_args,
                                 3};

const arg_desc sub_group_eight_args[] = {
    {arg_kind::global_pointer, 4, 4, "out", "int*"}};
const kernel_desc sub_group_eight_desc{&module,
                                       "dpex_sim_sub_group_8",
                                       "dpex_sim::subGroupEight",
                                       1,
                                       true,
                                       sub_group_eight_args,
                                       1,
                                       false,
                                       8};

std::atomic<bool> marks[MaxTags];

template <typename T> T param(const dpexsim_launch *launch, unsigned i) {
  T value;
  std::memcpy(&value, launch->params[i], sizeof(T));
  return value;
}

std::size_t threads(const dpexsim_launch *launch) {
  return std::size_t(launch->grid[0]) * launch->block[0];
}

void runMark(const dpexsim_launch *launch) {
  int *data = param<int *>(launch, 0);
  int tag = param<int>(launch, 1);
  for (std::size_t i = 0; i < threads(launch); ++i)
    data[i] = tag;
  // Last, as the kernel's end.
  marks[tag].store(true, std::memory_order_release);
}

void runSaxpy(const dpexsim_launch *launch) {
  float a = param<float>(launch, 0);
  const float *x = param<const float *>(launch, 1);
  float *y = param<float *>(launch, 2);
  for (std::size_t i = 0; i < threads(launch); ++i)
    y[i] = a * x[i] + y[i];
}

void runGroupSum(const dpexsim_launch *launch) {
  const int *in = param<const int *>(launch, 0);
  std::size_t offset = param<std::uint64_t>(launch, 1);
  int *out = param<int *>(launch, 2);
  auto *tile =
      reinterpret_cast<int *>(static_cast<char *>(launch->shared) + offset);
  unsigned local = launch->block[0];
  for (unsigned g = 0; g < launch->grid[0]; ++g) {
    for (unsigned l = 0; l < local; ++l)
      tile[l] = in[g * local + l];
    int sum = 0;
    for (unsigned l = 0; l < local; ++l)
      sum += tile[l];
    out[g] = sum;
  }
}

std::mutex freshMutex;
std::deque<module_desc> freshModules;
std::deque<kernel_desc> freshKernels;

} // namespace

const MarkKernel mark{mark_desc};
const SaxpyKernel saxpy{saxpy_desc};
const GroupSumKernel groupSum{group_sum_desc};
const SubGroupEightKernel subGroupEight{sub_group_eight_desc};

bool marked(int tag) { return marks[tag].load(std::memory_order_acquire); }

void clearMarks() {
  for (std::atomic<bool> &m : marks)
    m.store(false);
}

namespace {

// The runtime keys its caches by descriptor address: a fresh kernel needs
// new descriptors, kept for the life of the process.
const kernel_desc &freshCopy(const kernel_desc &original) {
  std::lock_guard<std::mutex> lock(freshMutex);
  freshModules.push_back({"sim_fresh.cpp", images, 1});
  kernel_desc desc = original;
  desc.module = &freshModules.back();
  freshKernels.push_back(desc);
  return freshKernels.back();
}

} // namespace

SaxpyKernel freshSaxpy() { return SaxpyKernel{freshCopy(saxpy_desc)}; }

GroupSumKernel freshGroupSum() {
  return GroupSumKernel{freshCopy(group_sum_desc)};
}

bool registerKernels() {
  void *driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
  if (!driver)
    driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!driver)
    return false;
  auto reg = reinterpret_cast<decltype(&dpexsim_register_kernel)>(
      dlsym(driver, "dpexsim_register_kernel"));
  if (!reg)
    return false;
  reg("dpex_sim_mark", runMark);
  reg("dpex_sim_saxpy", runSaxpy);
  reg("dpex_sim_group_sum", runGroupSum);
  // The handle stays open: the runtime holds the library anyway.
  return true;
}

} // namespace dpex_sim
