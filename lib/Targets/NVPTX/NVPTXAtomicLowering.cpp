// OpenCL 1.2 atomic built-ins (`atomic_add`, 64-bit `atom_add`, ...) become
// LLVM atomic instructions, which NVPTX selects natively; libclc's nvptx64
// library lacks the 64-bit ones, and the floating-point adds the SPIR-V
// reader names `atomic_add` too.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#include <optional>

#define DEBUG_TYPE "dpex-nvptx-lower-atomics"

using namespace llvm;

STATISTIC(NumAtomicCallsLowered,
          "OpenCL atomic built-in calls turned into LLVM atomics");

namespace dpex {
namespace {

// The OpenCL 1.2 atomic a mangled name denotes, e.g. "_Z8atom_minPU3AS1Vmm"
// → (min, element "m" = unsigned long).
struct OpenCLAtomic {
  StringRef Op;
  char Element;
};

std::optional<OpenCLAtomic> parseAtomic(StringRef Name) {
  unsigned Length;
  if (!Name.consume_front("_Z") || Name.consumeInteger(10, Length) ||
      Length > Name.size())
    return std::nullopt;
  StringRef Base = Name.take_front(Length), Params = Name.drop_front(Length);
  if (!Base.consume_front("atomic_") && !Base.consume_front("atom_"))
    return std::nullopt;
  size_t Volatile = Params.find('V');
  if (!Params.startswith("PU3AS") || Volatile == StringRef::npos ||
      Volatile + 1 >= Params.size())
    return std::nullopt;
  return OpenCLAtomic{Base, Params[Volatile + 1]};
}

// The read-modify-write operation of `A`; none for cmpxchg, or for an
// atomic this pass does not know.
std::optional<AtomicRMWInst::BinOp> rmwOperation(const OpenCLAtomic &A) {
  // The reader's name for SPV_EXT_shader_atomic_float_add's OpAtomicFAddEXT
  // (`_Z10atomic_addPU3AS1Vff`): NVPTX adds floats atomically.
  if ((A.Element == 'f' || A.Element == 'd') && A.Op == "add")
    return AtomicRMWInst::FAdd;
  bool Signed = A.Element == 'i' || A.Element == 'l';
  return StringSwitch<std::optional<AtomicRMWInst::BinOp>>(A.Op)
      .Cases("add", "inc", AtomicRMWInst::Add)
      .Cases("sub", "dec", AtomicRMWInst::Sub)
      .Case("xchg", AtomicRMWInst::Xchg)
      .Case("and", AtomicRMWInst::And)
      .Case("or", AtomicRMWInst::Or)
      .Case("xor", AtomicRMWInst::Xor)
      .Case("min", Signed ? AtomicRMWInst::Min : AtomicRMWInst::UMin)
      .Case("max", Signed ? AtomicRMWInst::Max : AtomicRMWInst::UMax)
      .Default(std::nullopt);
}

// OpenCL 1.2 atomics are relaxed; fences order everything else.
Value *createAtomic(IRBuilder<> &B, CallInst &Call,
                    std::optional<AtomicRMWInst::BinOp> Op) {
  Value *Ptr = Call.getArgOperand(0);
  if (!Op)
    return B.CreateExtractValue(
        B.CreateAtomicCmpXchg(Ptr, Call.getArgOperand(1), Call.getArgOperand(2),
                              MaybeAlign(), AtomicOrdering::Monotonic,
                              AtomicOrdering::Monotonic),
        0);
  // atomic_inc and atomic_dec take no operand.
  Value *Val = Call.arg_size() > 1 ? Call.getArgOperand(1)
                                   : ConstantInt::get(Call.getType(), 1);
  return B.CreateAtomicRMW(*Op, Ptr, Val, MaybeAlign(),
                           AtomicOrdering::Monotonic);
}

} // namespace

PreservedAnalyses NVPTXAtomicLoweringPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    std::optional<OpenCLAtomic> A =
        F.isDeclaration() ? parseAtomic(F.getName()) : std::nullopt;
    if (!A)
      continue;
    std::optional<AtomicRMWInst::BinOp> Op = rmwOperation(*A);
    if (!Op && A->Op != "cmpxchg") {
      LLVM_DEBUG(dbgs() << "leaving " << F.getName() << " to libclc\n");
      continue;
    }
    LLVM_DEBUG(dbgs() << "lowering calls to " << F.getName() << '\n');
    Changed |= rewriteCalls(F, [&](IRBuilder<> &B, CallInst &Call) {
      ++NumAtomicCallsLowered;
      Value *Result = createAtomic(B, Call, Op);
      Result->takeName(&Call);
      return Result;
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
