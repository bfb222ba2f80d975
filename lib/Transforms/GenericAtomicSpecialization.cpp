// `atomic_ref<..., address_space::generic_space>` calls the generic-pointer
// overload of a SPIR-V atomic built-in (`_Z18__spirv_AtomicIAddPiiii`). SPIR-V
// consumers take it as it is (the Generic storage class), but SPIR 1.2 has no
// generic space, so the spir image, and the PTX derived from it, could not
// express such a kernel at all. Once kernels are flat, the pointer usually
// is a cast from one known space; calling the overload for that space
// instead (`_Z18__spirv_AtomicIAddPU3AS3iiii`) gives every image a concrete
// storage class, and every consumer a cheaper atomic.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-specialize-generic-atomics"

using namespace llvm;

STATISTIC(NumAtomicCallsSpecialized,
          "Generic atomic calls moved to a global or local overload");
STATISTIC(NumAtomicCallsLeftGeneric,
          "Generic atomic calls whose pointer's space is unknown");

namespace dpex {

namespace {

// `_Z<n>__spirv_Atomic<Op>P<rest>`, the generic-pointer overload: the offset
// of the 'P' that starts its pointer parameter, or npos.
size_t genericPointerParamOffset(StringRef Name) {
  if (!Name.consume_front("_Z"))
    return StringRef::npos;
  size_t Digits = Name.find_first_not_of("0123456789");
  if (Digits == 0 || Digits == StringRef::npos)
    return StringRef::npos;
  unsigned Length = 0;
  if (Name.substr(0, Digits).getAsInteger(10, Length))
    return StringRef::npos;
  StringRef Identifier = Name.substr(Digits, Length);
  if (!Identifier.startswith("__spirv_Atomic"))
    return StringRef::npos;
  size_t Param = 2 + Digits + Length;
  StringRef Rest = Name.substr(Digits + Length);
  // A qualified pointer (`PU3AS1`) already names its space.
  if (!Rest.startswith("P") || Rest.startswith("PU3AS"))
    return StringRef::npos;
  return Param;
}

// The space `Pointer` provably points into, if it is a generic pointer cast
// from the global or local space.
Optional<unsigned> concreteSpace(Value *Pointer, Value *&Source) {
  auto *Cast = dyn_cast<AddrSpaceCastOperator>(Pointer);
  if (!Cast)
    return None;
  unsigned Space = Cast->getSrcAddressSpace();
  if (Space != addrspace::Global && Space != addrspace::Local)
    return None;
  Source = Cast->getPointerOperand();
  return Space;
}

FunctionCallee specializedCallee(Module &M, Function &Generic, size_t Param,
                                 unsigned Space) {
  std::string Name = Generic.getName().str();
  Name.insert(Param + 1, "U3AS" + std::to_string(Space));
  FunctionType *GenericType = Generic.getFunctionType();
  SmallVector<Type *, 6> Params(GenericType->param_begin(),
                                GenericType->param_end());
  auto *GenericPointer = cast<PointerType>(Params[0]);
  Params[0] = PointerType::getWithSamePointeeType(GenericPointer, Space);
  FunctionType *Type =
      FunctionType::get(GenericType->getReturnType(), Params, false);
  FunctionCallee Callee = M.getOrInsertFunction(Name, Type);
  if (auto *F = dyn_cast<Function>(Callee.getCallee()))
    F->copyAttributesFrom(&Generic);
  return Callee;
}

} // namespace

PreservedAnalyses
GenericAtomicSpecializationPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &Generic : make_early_inc_range(M)) {
    if (!Generic.isDeclaration())
      continue;
    size_t Param = genericPointerParamOffset(Generic.getName());
    if (Param == StringRef::npos)
      continue;
    for (User *U : make_early_inc_range(Generic.users())) {
      auto *Call = dyn_cast<CallInst>(U);
      if (!Call || Call->getCalledFunction() != &Generic)
        continue;
      Value *Source = nullptr;
      Optional<unsigned> Space = concreteSpace(Call->getArgOperand(0), Source);
      if (!Space) {
        LLVM_DEBUG(dbgs() << "leaving " << Generic.getName() << " in "
                          << Call->getFunction()->getName()
                          << " generic: its pointer's space is unknown\n");
        ++NumAtomicCallsLeftGeneric;
        continue;
      }
      LLVM_DEBUG(dbgs() << "specializing " << Generic.getName()
                        << " for address space " << *Space << '\n');
      Value *Cast = Call->getArgOperand(0);
      Call->setCalledFunction(specializedCallee(M, Generic, Param, *Space));
      Call->setArgOperand(0, Source);
      if (auto *I = dyn_cast<Instruction>(Cast); I && I->use_empty())
        I->eraseFromParent();
      ++NumAtomicCallsSpecialized;
      Changed = true;
    }
    if (Generic.use_empty())
      Generic.eraseFromParent();
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
