// Stage 2: the LLVM passes that turn the frontend's module into a SPIR-V
// ready device module. Each pass lives in its own file under lib/Transforms
// and is listed in lib/Transforms/PassRegistry.def, so `dpex-opt` can run any
// one of them by name.
#pragma once

#include "dpex/compiler/KernelInfo.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace llvm {
class CallInst;
class IRBuilderBase;
class Module;
class PassBuilder;
class TargetMachine;
class Value;
} // namespace llvm

namespace dpex {

// Address spaces of the SPIR/SPIR-V target.
namespace addrspace {
constexpr unsigned Private = 0;
constexpr unsigned Global = 1;
constexpr unsigned Constant = 2;
constexpr unsigned Local = 3;
constexpr unsigned Generic = 4;
} // namespace addrspace

// The per-kernel facts the passes need travel in the module as the named
// metadata `!dpex.kernels`, so each pass can run alone on a .ll file.
void attachKernelMetadata(llvm::Module &M,
                          const std::vector<KernelInfo> &Kernels);

struct KernelRecord {
  llvm::Function *Body; // the user's function
  std::string EntryName;
  bool NDRange;
  unsigned Dimensions;
  struct Param {
    ParamKind Kind;
    std::string Name;
    bool Const; // pointer to const
  };
  std::vector<Param> Params;
};
llvm::Expected<std::vector<KernelRecord>> readKernelMetadata(llvm::Module &M);

// Gives each kernel annotated DPEX_REQD_SUB_GROUP_SIZE(n)
// `!intel_reqd_sub_group_size !{i32 n}`; the frontend runs it before
// AnnotationRemovalPass.
struct SubGroupSizeAnnotationPass
    : llvm::PassInfoMixin<SubGroupSizeAnnotationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Drops `llvm.global.annotations` (which kernels are is known from the AST)
// and the strings only it used; the frontend runs it on each source.
struct AnnotationRemovalPass : llvm::PassInfoMixin<AnnotationRemovalPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Strips the debug info and its module flags: without -g, the line tables
// kept for diagnostics go before any output.
struct LineTableRemovalPass : llvm::PassInfoMixin<LineTableRemovalPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Wraps each kernel in a `spir_kernel` entry with OpenCL kernel-argument
// metadata and global/local address-space pointer parameters.
struct KernelABILoweringPass : llvm::PassInfoMixin<KernelABILoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Inlines every user function into the kernel entries and drops the bodies,
// so no OpFunctionCall to user code is left in the SPIR-V.
struct DeviceFunctionInliningPass
    : llvm::PassInfoMixin<DeviceFunctionInliningPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Replaces generic pointers proven to point to one address space
// (CrossWorkgroup, Workgroup, Function) by pointers into that space.
struct AddressSpaceInferencePass
    : llvm::PassInfoMixin<AddressSpaceInferencePass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Calls the global or local overload of a SPIR-V atomic built-in where the
// generic pointer it is given is a cast from that space.
struct GenericAtomicSpecializationPass
    : llvm::PassInfoMixin<GenericAtomicSpecializationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Lowers the `__dpex_*` index intrinsics of <dpex/kernel.hpp> to the
// translator's SPIR-V friendly built-in calls
// (`__spirv_BuiltInGlobalInvocationId(i32)`), which it emits as built-in
// variables.
struct IndexBuiltinLoweringPass
    : llvm::PassInfoMixin<IndexBuiltinLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Replaces libm calls and LLVM math intrinsics by the OpenCL.std built-ins
// (`__spirv_ocl_sqrtf`, ...) the translator emits as OpExtInst.
struct MathBuiltinLoweringPass : llvm::PassInfoMixin<MathBuiltinLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Moves dpex::printf's format strings into the constant address space that
// OpenCL printf requires.
struct PrintfLoweringPass : llvm::PassInfoMixin<PrintfLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Lays out each function's blocks so that dominators come first, as SPIR-V
// requires.
struct BlockOrderingPass : llvm::PassInfoMixin<BlockOrderingPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Answers `__dpex_image_has_warp_sub_groups` (the name is
// WarpSubGroupQueryName) and deletes the work-group algorithms' path the
// answer rules out: 1 for the module the PTX derives from, 0 for the one
// the SPIR-V and SPIR images derive from. First in the device pipeline.
extern const char *const WarpSubGroupQueryName;
struct WarpQueryResolutionPass : llvm::PassInfoMixin<WarpQueryResolutionPass> {
  explicit WarpQueryResolutionPass(bool HasWarpSubGroups)
      : HasWarpSubGroups(HasWarpSubGroups) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

private:
  bool HasWarpSubGroups;
};

// Computes `frem` exactly with an FMA (NVPTX's own expansion rounds twice).
struct ExactFRemLoweringPass : llvm::PassInfoMixin<ExactFRemLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Removes or rewrites what SPIRV-LLVM-Translator 15 cannot take or turns
// into invalid SPIR-V: `freeze`, atomicrmw operations SPIR-V lacks,
// repeated edges into a block with phis, fixed-size allocas outside the
// entry block, dbg.declare of undef.
struct SPIRVLegalizationPass : llvm::PassInfoMixin<SPIRVLegalizationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Computes integers of widths SPIR-V lacks (i3, i24, ...) in the next legal
// width; wider than 64 bits, or in a construct it cannot rewrite, is an
// error naming the kernel.
struct IntegerWidthLegalizationPass
    : llvm::PassInfoMixin<IntegerWidthLegalizationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Defines the complex multiplication and division helpers Clang calls for
// std::complex / _Complex `*` and `/` (__mulsc3, __muldc3, __divsc3,
// __divdc3) with C99 Annex G semantics, so they inline like user code.
struct ComplexArithmeticLoweringPass
    : llvm::PassInfoMixin<ComplexArithmeticLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Replaces the C library calls and LLVM intrinsics that have an OpenCL
// built-in of another signature (ldexp, frexp, modf, remquo, ilogb, lround,
// lrint, ...) and memcmp/bcmp, which has none, by built-in calls or IR.
struct LibCallLoweringPass : llvm::PassInfoMixin<LibCallLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Expands the LLVM intrinsics that SPIRV-LLVM-Translator 15 cannot translate
// (saturating and overflow-checked arithmetic, bswap, bitreverse, funnel
// shifts, memmove) into plain IR.
struct IntrinsicLoweringPass : llvm::PassInfoMixin<IntrinsicLoweringPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// What SPIRV-LLVM-Translator 15 is given, last before it (emitSPIRV runs
// them on the device module after the pipeline and the --emit=llvm output):

// Turns floating-point atomic adds (`__spirv_AtomicFAddEXT`) into
// compare-exchange loops, for the SPIR-V image (the PTX image's input keeps
// them).
struct FloatAtomicAddExpansionPass
    : llvm::PassInfoMixin<FloatAtomicAddExpansionPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};
// Whether `M` calls `__spirv_AtomicFAddEXT`.
bool hasFloatAtomicAdds(const llvm::Module &M);

// How a floating-point atomic add's built-in becomes a compare-exchange loop
// on the value's bit pattern (dpex-expand-float-atomic-adds for the SPIR-V
// image, dpex-spir-expand-float-atomic-adds for the SPIR image).
struct FloatAtomicAddLoop {
  // The mangled pointer parameter of a declaration that is such an add
  // ("PU3AS1"), or "" for any other function.
  llvm::function_ref<llvm::StringRef(llvm::StringRef Name)> PointerMangling;
  // The call operand that is the addend.
  unsigned Addend;
  // The loop's first read of the word at `WordPtr`, before the loop.
  llvm::function_ref<llvm::Value *(llvm::IRBuilderBase &, llvm::CallInst &Call,
                                   llvm::StringRef Pointer,
                                   llvm::Value *WordPtr)>
      ReadFirst;
  // The exchange of `Seen` for `Sum` at `WordPtr`; returns the word found.
  llvm::function_ref<llvm::Value *(
      llvm::IRBuilderBase &, llvm::CallInst &Call, llvm::StringRef Pointer,
      llvm::Value *WordPtr, llvm::Value *Seen, llvm::Value *Sum)>
      Exchange;
};
// Expands every call of the declarations `Loop` recognises, each result the
// value the loop replaced, and drops the declarations; returns whether one
// was found.
bool expandFloatAtomicAdds(llvm::Module &M, const FloatAtomicAddLoop &Loop);

// Drops `llvm.loop` metadata, which the translator can turn into an invalid
// OpLoopMerge.
struct LoopMetadataRemovalPass : llvm::PassInfoMixin<LoopMetadataRemovalPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Declares the module's source language as OpenCL C++ (`!spirv.Source`).
struct SourceLanguageDeclarationPass
    : llvm::PassInfoMixin<SourceLanguageDeclarationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// With debug info: variable locations OpenCL.DebugInfo.100 cannot express
// become "optimised out".
struct DebugLocationLegalizationPass
    : llvm::PassInfoMixin<DebugLocationLegalizationPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
};

// Which consumer a module is checked for by checkResolvedCalls.
enum class CallConsumer { SPIRV, SPIR, PTX };

// A call in device code that no image consumer resolves, at the source
// position of the call where the module has line information: the
// innermost first, then each position it was inlined into (none: no lines).
class UnresolvedCall : public llvm::ErrorInfo<UnresolvedCall> {
public:
  struct Position {
    std::string File;
    unsigned Line, Column;
  };
  static char ID;
  UnresolvedCall(std::string Message, std::vector<Position> Positions)
      : Message(std::move(Message)), Positions(std::move(Positions)) {}
  std::string Message;
  std::vector<Position> Positions;
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;
};

// An UnresolvedCall for the first function that `M` calls but neither
// defines nor has from the consumer (OpenCL built-ins for SPIR-V and SPIR,
// vprintf for PTX).
llvm::Error checkResolvedCalls(const llvm::Module &M, CallConsumer Consumer);

// Runs the passes `Build` adds on `M`, with all analysis managers registered
// (and the target's analyses when `TM` is given).
using PipelineBuilder = llvm::function_ref<llvm::Error(
    llvm::PassBuilder &, llvm::ModulePassManager &)>;
llvm::Error runModulePasses(llvm::Module &M, PipelineBuilder Build,
                            llvm::TargetMachine *TM = nullptr);

// The whole device pipeline at -O<OptLevel> (0..3), the work-group
// algorithms built on warp sub-groups (the PTX's module) or not.
llvm::Error runDevicePipeline(llvm::Module &M, unsigned OptLevel,
                              bool WarpSubGroups = false);

// Adds a pipeline of dpex passes parsed from `Pipeline` (names as in
// PassRegistry.def, plus any LLVM pass name) to `MPM`.
llvm::Error buildPipelineFromText(llvm::PassBuilder &PB,
                                  llvm::ModulePassManager &MPM,
                                  llvm::StringRef Pipeline);

} // namespace dpex
