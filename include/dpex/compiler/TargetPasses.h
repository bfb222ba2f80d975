// The image builders' passes (lib/Targets/<target>/), listed with the
// pointer mode production runs each in by lib/Targets/TargetPassRegistry.def,
// so that `dpex-opt` runs any one of them as the builder does.
#pragma once

#include "dpex/compiler/Targets.h"

#include "llvm/IR/PassManager.h"

#include <optional>
#include <vector>

namespace llvm {
class Module;
class PassBuilder;
} // namespace llvm

namespace dpex {

// The SPIR 1.2 image's passes, run on the SPIR-V read back as OpenCL 1.2
// bitcode (typed pointers).

// `mem_fence(flags)` calls become sequentially consistent fences.
struct SPIRMemFenceLoweringPass
    : llvm::PassInfoMixin<SPIRMemFenceLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Removes each kernel that calls an OpenCL built-in on a generic pointer,
// naming it and the reason in `!dpex.omitted_kernels`.
struct SPIRGenericBuiltinCallerOmissionPass
    : llvm::PassInfoMixin<SPIRGenericBuiltinCallerOmissionPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Removes each kernel that uses a sub-group operation (an OpenCL 2.0
// sub-group built-in), naming it and the reason in `!dpex.omitted_kernels`.
struct SPIRSubGroupCallerOmissionPass
    : llvm::PassInfoMixin<SPIRSubGroupCallerOmissionPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Names `Kernel`, left out of the image, and why in `!dpex.omitted_kernels`.
void recordOmittedKernel(llvm::Module &M, llvm::StringRef Kernel,
                         llvm::StringRef Reason);

// The kernels `!dpex.omitted_kernels` names, the metadata removed.
std::vector<OmittedKernel> takeOmittedKernels(llvm::Module &M);

// Removes each kernel for which `ReasonFor` gives a reason (an empty one
// keeps it), recording it with recordOmittedKernel; returns how many.
unsigned
omitKernels(llvm::Module &M,
            llvm::function_ref<std::string(llvm::Function &Kernel)> ReasonFor);

// Turns the reader's floating-point atomic adds (`atomic_add` on float or
// double) into OpenCL 1.2 compare-exchange loops.
struct SPIRFloatAtomicAddExpansionPass
    : llvm::PassInfoMixin<SPIRFloatAtomicAddExpansionPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Folds item kernels' range guard comparisons for exact grids.
struct SPIRRangeGuardFoldingPass
    : llvm::PassInfoMixin<SPIRRangeGuardFoldingPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// The passes that retarget the SPIR 1.2 image to NVPTX, where libclc's
// nvptx64 library implements its OpenCL built-ins (lib/Targets/NVPTX);
// addNVPTXLoweringPasses runs the first seven in order.

// Turns each kernel's Workgroup (local accessor) pointer parameters into i64
// byte offsets into the kernel's dynamic shared memory, rebuilding the
// kernel.
struct NVPTXLocalParamLoweringPass
    : llvm::PassInfoMixin<NVPTXLocalParamLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Renumbers the SPIR address spaces as NVPTX's (SPIR generic and private
// are NVPTX generic, SPIR constant NVPTX const) in every type, signature,
// intrinsic overload and built-in's mangled name.
struct NVPTXAddressSpaceMappingPass
    : llvm::PassInfoMixin<NVPTXAddressSpaceMappingPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Replaces LLVM `fence` instructions, which NVPTX cannot select, by
// `membar.gl`.
struct NVPTXFenceLoweringPass : llvm::PassInfoMixin<NVPTXFenceLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Replaces OpenCL `printf` by the CUDA driver's `vprintf`, its strings moved
// to NVPTX constant memory.
struct NVPTXPrintfLoweringPass : llvm::PassInfoMixin<NVPTXPrintfLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Replaces OpenCL 1.2 atomic built-in calls by LLVM atomic instructions.
struct NVPTXAtomicLoweringPass : llvm::PassInfoMixin<NVPTXAtomicLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Makes OpenCL fmin/fmax calls return the other operand where one is a NaN,
// which NVIDIA's min/max instructions get wrong for a zero's sign.
struct NVPTXMinMaxNaNLoweringPass
    : llvm::PassInfoMixin<NVPTXMinMaxNaNLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// The sub-group built-ins of the SPIR image become warp operations, a
// sub-group being a warp (docs/kernel-language.md, "Sub-groups"): shuffles
// and broadcasts shfl.sync.idx/bfly, any/all vote.sync, reductions and scans
// shfl.sync trees, the queries the warp's lane and the work-group's shape
// (last: the others call the queries).
struct NVPTXSubGroupShuffleLoweringPass
    : llvm::PassInfoMixin<NVPTXSubGroupShuffleLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};
struct NVPTXSubGroupVoteLoweringPass
    : llvm::PassInfoMixin<NVPTXSubGroupVoteLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};
// For `Arch` (sm_80 is 80) sm_80 or newer, 32-bit integer reductions are
// one redux.sync instead of a tree.
struct NVPTXSubGroupCollectiveLoweringPass
    : llvm::PassInfoMixin<NVPTXSubGroupCollectiveLoweringPass> {
  explicit NVPTXSubGroupCollectiveLoweringPass(unsigned Arch = 50)
      : Arch(Arch) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  unsigned Arch;
};
struct NVPTXSubGroupQueryLoweringPass
    : llvm::PassInfoMixin<NVPTXSubGroupQueryLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Leaves out (into `!dpex.omitted_kernels`) the kernels requiring a
// sub-group size other than the warp's 32, and those still calling a
// sub-group built-in after the lowerings above.
struct NVPTXSubGroupCallerOmissionPass
    : llvm::PassInfoMixin<NVPTXSubGroupCallerOmissionPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Gives the module NVPTX's triple and data layout and the C calling
// convention, and marks its kernels in !nvvm.annotations.
struct NVPTXKernelAnnotationPass
    : llvm::PassInfoMixin<NVPTXKernelAnnotationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Adds the NVPTX passes above to `MPM` for the PTX of `Arch` (sm_80 is
// 80), annotation last: the local parameter lowering replaces the kernels
// the annotations name.
void addNVPTXLoweringPasses(llvm::ModulePassManager &MPM, unsigned Arch);

// -ffast-math for the kernels' own code: the floating-point instructions
// whose flags SPIR-V cannot carry get all fast-math flags; float divisions
// that allow a reciprocal become div.approx.ftz.
struct NVPTXFastMathLoweringPass
    : llvm::PassInfoMixin<NVPTXFastMathLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// OpenCL built-in math declarations (float and double) become declarations
// of libdevice's `__nv_*` functions; `Approximate`: of its fast float ones
// (`__nv_fast_expf`) where it has them, as nvcc's -use_fast_math.
struct NVPTXLibDeviceMathPass : llvm::PassInfoMixin<NVPTXLibDeviceMathPass> {
  explicit NVPTXLibDeviceMathPass(bool Approximate = false)
      : Approximate(Approximate) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  bool Approximate;
};

// OpenCL clz, ctz and popcount on scalar integers become LLVM intrinsics.
struct NVPTXBitCountLoweringPass
    : llvm::PassInfoMixin<NVPTXBitCountLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Makes OpenCL double ldexp calls return a NaN operand as is, which libclc's
// ldexp turns into a finite number.
struct NVPTXLdexpNaNLoweringPass
    : llvm::PassInfoMixin<NVPTXLdexpNaNLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// 64-bit funnel shifts (rotates) become masked shifts: NVPTX selects a
// 64-bit rotate by 64 or more wrongly.
struct NVPTXFunnelShiftExpansionPass
    : llvm::PassInfoMixin<NVPTXFunnelShiftExpansionPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Every defined function flushes float denormals (NVPTX's .ftz forms).
struct NVPTXDenormalFlushPass : llvm::PassInfoMixin<NVPTXDenormalFlushPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Debug info reduced to `.file`/`.loc` line directives (nvcc's -lineinfo).
struct NVPTXLineDirectivesPass : llvm::PassInfoMixin<NVPTXLineDirectivesPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// What libdevice's `__nvvm_reflect` queries are answered.
struct NVVMReflectSettings {
  unsigned Arch = 50;          // __CUDA_ARCH / 10: sm_80 is 80
  bool FlushDenormals = false; // __CUDA_FTZ: flush float denormals to zero
  bool PreciseSqrt = true;     // __CUDA_PREC_SQRT: IEEE sqrtf, as nvcc
};

// Replaces every `__nvvm_reflect` call on a constant string by its answer
// and records nvvm-reflect-ftz as a module flag; a call on anything else
// stays, for the builder to report.
struct NVVMReflectResolutionPass
    : llvm::PassInfoMixin<NVVMReflectResolutionPass> {
  explicit NVVMReflectResolutionPass(NVVMReflectSettings Settings = {})
      : Settings(Settings) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  NVVMReflectSettings Settings;
};

// Lets `PB` parse every pass of TargetPassRegistry.def by name.
void registerTargetPasses(llvm::PassBuilder &PB);

// Whether production runs the image builder's pass `Name` on opaque
// pointers; nothing for a name that is not one of them.
std::optional<bool> targetPassUsesOpaquePointers(llvm::StringRef Name);

} // namespace dpex
