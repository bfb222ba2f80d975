// Retargets a SPIR 1.2 module (OpenCL built-in names, SPIR address spaces)
// to NVPTX, where libclc's nvptx64 library implements those built-ins:
//  - SPIR calling conventions become the C convention; kernels are marked
//    with !nvvm.annotations instead;
//  - a Workgroup (addrspace 3) pointer parameter, i.e. a local accessor,
//    becomes a 64-bit byte offset into the kernel's dynamic shared memory,
//    which the CUDA runtime sizes at launch (cuLaunchKernel sharedMemBytes);
//    CUDA has no per-argument local memory as OpenCL does. The offset is
//    assumed 16-byte aligned, as the runtime makes it.
//  - LLVM `fence` instructions (from atomic_fence) become `membar.gl`: the
//    NVPTX backend of LLVM 15 cannot select `fence`, and a device-wide
//    barrier orders at least as much as any fence a kernel asks for.
//  - OpenCL `printf` becomes the CUDA driver's `vprintf(format, args)`: the
//    arguments (already promoted as C varargs) are packed into a naturally
//    aligned struct on the stack, and the constant-space (2) strings move to
//    NVPTX's constant space (4), passed as generic pointers.
//  - OpenCL 1.2 atomic built-ins (`atomic_add`, 64-bit `atom_add`, ...)
//    become LLVM atomic instructions, which NVPTX selects natively; libclc
//    lacks the 64-bit ones.
// Global (1) and shared/local (3) spaces keep their numbers on NVPTX.
#include "dpex/Transforms.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"

#include <optional>

using namespace llvm;

namespace dpex {

static constexpr const char *DynamicSharedName = "__dpex_dynamic_shared";

// The runtime places each local accessor at an offset that is a multiple of
// this (runtime/cuda/CudaParams.cpp), in an array aligned to it.
static constexpr unsigned LocalAlignment = 16;

static GlobalVariable *getDynamicShared(Module &M) {
  if (GlobalVariable *GV = M.getGlobalVariable(DynamicSharedName))
    return GV;
  Type *Bytes = ArrayType::get(Type::getInt8Ty(M.getContext()), 0);
  auto *GV = new GlobalVariable(M, Bytes, false, GlobalValue::ExternalLinkage,
                                nullptr, DynamicSharedName, nullptr,
                                GlobalValue::NotThreadLocal, addrspace::Local);
  GV->setAlignment(Align(LocalAlignment));
  return GV;
}

static bool isLocalPointer(Type *T) {
  auto *PT = dyn_cast<PointerType>(T);
  return PT && PT->getAddressSpace() == addrspace::Local;
}

// Rebuilds `F` with local pointer parameters turned into i64 offsets.
static Function *lowerLocalParams(Module &M, Function *F) {
  if (none_of(F->args(),
              [](Argument &A) { return isLocalPointer(A.getType()); }))
    return F;
  LLVMContext &Ctx = M.getContext();
  SmallVector<Type *, 8> Params;
  for (Argument &A : F->args())
    Params.push_back(isLocalPointer(A.getType()) ? Type::getInt64Ty(Ctx)
                                                 : A.getType());
  Function *New =
      Function::Create(FunctionType::get(F->getReturnType(), Params, false),
                       F->getLinkage(), F->getAddressSpace(), "", &M);
  New->copyAttributesFrom(F);
  New->copyMetadata(F, 0);
  New->takeName(F);
  New->getBasicBlockList().splice(New->end(), F->getBasicBlockList());

  GlobalVariable *Shared = getDynamicShared(M);
  IRBuilder<> B(&*New->getEntryBlock().getFirstInsertionPt());
  for (auto [Old, Arg] : zip(F->args(), New->args())) {
    Arg.setName(Old.getName());
    if (!isLocalPointer(Old.getType())) {
      Old.replaceAllUsesWith(&Arg);
      continue;
    }
    // Attributes of the pointer (noalias, align...) do not apply to an i64.
    New->removeParamAttrs(Arg.getArgNo(),
                          AttributeFuncs::typeIncompatible(Arg.getType()));
    Value *Base = B.CreatePointerCast(Shared, B.getInt8PtrTy(addrspace::Local));
    Value *Ptr =
        B.CreateInBoundsGEP(B.getInt8Ty(), Base, &Arg, Arg.getName() + ".ptr");
    // Known alignment lets the backend merge neighbouring shared-memory
    // accesses into vector loads and stores (ld.shared.v4).
    B.CreateAlignmentAssumption(M.getDataLayout(), Ptr, LocalAlignment);
    Old.replaceAllUsesWith(B.CreatePointerCast(Ptr, Old.getType()));
  }
  F->eraseFromParent();
  return New;
}

static void lowerFences(Module &M) {
  Function *Membar = Intrinsic::getDeclaration(&M, Intrinsic::nvvm_membar_gl);
  for (Function &F : M)
    for (Instruction &I : make_early_inc_range(instructions(F)))
      if (auto *Fence = dyn_cast<FenceInst>(&I)) {
        CallInst::Create(Membar, "", Fence);
        Fence->eraseFromParent();
      }
}

static constexpr unsigned NVPTXConstantSpace = 4;

// `V` (a pointer into SPIR constant memory, e.g. a string literal) as a
// generic pointer to the same bytes in NVPTX constant memory.
static Value *
constantToGeneric(IRBuilder<> &B, Value *V,
                  DenseMap<GlobalVariable *, GlobalVariable *> &Moved) {
  Module &M = *B.GetInsertBlock()->getModule();
  APInt Offset(64, 0);
  auto *Base = dyn_cast<GlobalVariable>(
      V->stripAndAccumulateConstantOffsets(M.getDataLayout(), Offset, true));
  if (!Base)
    return V;
  GlobalVariable *&New = Moved[Base];
  if (!New) {
    New = new GlobalVariable(M, Base->getValueType(), true, Base->getLinkage(),
                             Base->getInitializer(), Base->getName() + ".const",
                             nullptr, GlobalValue::NotThreadLocal,
                             NVPTXConstantSpace);
    New->setAlignment(Base->getAlign());
  }
  Value *Bytes = B.CreateAddrSpaceCast(
      B.CreatePointerCast(New, B.getInt8PtrTy(NVPTXConstantSpace)),
      B.getInt8PtrTy());
  return B.CreateInBoundsGEP(B.getInt8Ty(), Bytes,
                             B.getInt64(Offset.getZExtValue()));
}

static void lowerPrintf(Module &M) {
  Function *Printf = M.getFunction("printf");
  if (!Printf)
    return;
  LLVMContext &Ctx = M.getContext();
  Type *Generic = Type::getInt8PtrTy(Ctx);
  FunctionCallee VPrintf = M.getOrInsertFunction(
      "vprintf",
      FunctionType::get(Type::getInt32Ty(Ctx), {Generic, Generic}, false));
  DenseMap<GlobalVariable *, GlobalVariable *> Moved;
  auto toGeneric = [&](IRBuilder<> &B, Value *V) -> Value * {
    auto *PT = dyn_cast<PointerType>(V->getType());
    if (!PT)
      return V;
    if (PT->getAddressSpace() == addrspace::Constant)
      return constantToGeneric(B, V, Moved);
    return B.CreateAddrSpaceCast(
        B.CreatePointerCast(V, B.getInt8PtrTy(PT->getAddressSpace())), Generic);
  };
  for (User *U : make_early_inc_range(Printf->users())) {
    auto *Call = dyn_cast<CallInst>(U);
    if (!Call)
      continue;
    IRBuilder<> B(Call);
    SmallVector<Value *, 8> Args;
    SmallVector<Type *, 8> Fields;
    for (unsigned I = 1; I < Call->arg_size(); ++I) {
      Args.push_back(toGeneric(B, Call->getArgOperand(I)));
      Fields.push_back(Args.back()->getType());
    }
    Value *Packed = ConstantPointerNull::get(cast<PointerType>(Generic));
    if (!Args.empty()) {
      StructType *Layout = StructType::get(Ctx, Fields);
      IRBuilder<> Entry(
          &*Call->getFunction()->getEntryBlock().getFirstInsertionPt());
      AllocaInst *Buffer = Entry.CreateAlloca(Layout, nullptr, "printf.args");
      for (unsigned I = 0; I < Args.size(); ++I)
        B.CreateStore(Args[I], B.CreateStructGEP(Layout, Buffer, I));
      Packed = B.CreatePointerCast(Buffer, Generic);
    }
    Value *Format = toGeneric(B, Call->getArgOperand(0));
    Call->replaceAllUsesWith(B.CreateCall(VPrintf, {Format, Packed}));
    Call->eraseFromParent();
  }
  Printf->eraseFromParent();
  for (auto &[Old, New] : Moved) {
    New->takeName(Old);
    if (Old->use_empty())
      Old->eraseFromParent();
  }
}

// The OpenCL 1.2 atomic a mangled name denotes, e.g. "_Z8atom_minPU3AS1Vmm"
// → (min, element "m" = unsigned long).
struct OpenCLAtomic {
  StringRef Op;
  char Element;
};
static std::optional<OpenCLAtomic> parseAtomic(StringRef Name) {
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

static void lowerAtomics(Module &M) {
  for (Function &F : make_early_inc_range(M)) {
    std::optional<OpenCLAtomic> A =
        F.isDeclaration() ? parseAtomic(F.getName()) : std::nullopt;
    if (!A)
      continue;
    bool Signed = A->Element == 'i' || A->Element == 'l';
    std::optional<AtomicRMWInst::BinOp> Op =
        StringSwitch<std::optional<AtomicRMWInst::BinOp>>(A->Op)
            .Cases("add", "inc", AtomicRMWInst::Add)
            .Cases("sub", "dec", AtomicRMWInst::Sub)
            .Case("xchg", AtomicRMWInst::Xchg)
            .Case("and", AtomicRMWInst::And)
            .Case("or", AtomicRMWInst::Or)
            .Case("xor", AtomicRMWInst::Xor)
            .Case("min", Signed ? AtomicRMWInst::Min : AtomicRMWInst::UMin)
            .Case("max", Signed ? AtomicRMWInst::Max : AtomicRMWInst::UMax)
            .Default(std::nullopt);
    if (!Op && A->Op != "cmpxchg")
      continue;
    for (User *U : make_early_inc_range(F.users())) {
      auto *Call = dyn_cast<CallInst>(U);
      if (!Call)
        continue;
      IRBuilder<> B(Call);
      Value *Ptr = Call->getArgOperand(0);
      Value *Result;
      // OpenCL 1.2 atomics are relaxed; fences order everything else.
      if (!Op) {
        Result = B.CreateExtractValue(
            B.CreateAtomicCmpXchg(Ptr, Call->getArgOperand(1),
                                  Call->getArgOperand(2), MaybeAlign(),
                                  AtomicOrdering::Monotonic,
                                  AtomicOrdering::Monotonic),
            0);
      } else {
        Value *Val = Call->arg_size() > 1
                         ? Call->getArgOperand(1)
                         : ConstantInt::get(Call->getType(), 1);
        Result = B.CreateAtomicRMW(*Op, Ptr, Val, MaybeAlign(),
                                   AtomicOrdering::Monotonic);
      }
      Result->takeName(Call);
      Call->replaceAllUsesWith(Result);
      Call->eraseFromParent();
    }
    if (F.use_empty())
      F.eraseFromParent();
  }
}

PreservedAnalyses NVPTXKernelLoweringPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  LLVMContext &Ctx = M.getContext();
  M.setTargetTriple("nvptx64-nvidia-cuda");
  M.setDataLayout("e-i64:64-i128:128-v16:16-v32:32-n16:32:64");

  SmallVector<Function *, 8> Kernels;
  for (Function &F : M)
    if (F.getCallingConv() == CallingConv::SPIR_KERNEL)
      Kernels.push_back(&F);

  NamedMDNode *Annotations = M.getOrInsertNamedMetadata("nvvm.annotations");
  for (Function *F : Kernels) {
    Function *K = lowerLocalParams(M, F);
    K->setCallingConv(CallingConv::C);
    Annotations->addOperand(MDNode::get(
        Ctx,
        {ValueAsMetadata::get(K), MDString::get(Ctx, "kernel"),
         ConstantAsMetadata::get(ConstantInt::get(Type::getInt32Ty(Ctx), 1))}));
  }
  lowerFences(M);
  lowerPrintf(M);
  lowerAtomics(M);
  for (Function &F : M) {
    if (F.getCallingConv() == CallingConv::SPIR_FUNC)
      F.setCallingConv(CallingConv::C);
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallBase>(&I))
        if (Call->getCallingConv() == CallingConv::SPIR_FUNC)
          Call->setCallingConv(CallingConv::C);
  }
  return PreservedAnalyses::none();
}

} // namespace dpex
