// Each kernel becomes a `spir_kernel` entry point whose parameters are what
// an OpenCL/SPIR-V consumer can bind: the index object disappears (its
// methods read built-ins), pointers move to CrossWorkgroup, local accessors
// become Workgroup pointers and bool becomes an 8-bit integer. The user's
// function is then called from the entry with the original C++ ABI, and the
// inliner folds it in.
//
// An item kernel's entry also takes the user's range, one i64 per dimension
// after the user's parameters: it stores them in the item (for get_range)
// and returns at once for a work-item outside the range. The runtime can then
// round any extent (a prime, say) up to a grid the device runs well; item
// kernels have no barriers, so the early return is safe.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DIBuilder.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-lower-kernel-abi"

using namespace llvm;

STATISTIC(NumKernelEntries, "Kernel entries created");
STATISTIC(NumRangeGuards, "Item kernel entries that guard the user's range");

namespace dpex {
namespace {

std::string openclTypeName(Type *T) {
  if (T->isIntegerTy(8))
    return "char";
  if (T->isIntegerTy(16))
    return "short";
  if (T->isIntegerTy(32))
    return "int";
  if (T->isIntegerTy(64))
    return "long";
  if (T->isHalfTy())
    return "half";
  if (T->isFloatTy())
    return "float";
  if (T->isDoubleTy())
    return "double";
  if (auto *ST = dyn_cast<StructType>(T)) {
    // Clang names record types "struct.Pod" / "class.ns::Pod".
    StringRef Name = ST->hasName() ? ST->getName() : "anon";
    if (!Name.consume_front("struct."))
      Name.consume_front("class.");
    return ("struct " + Name).str();
  }
  if (auto *PT = dyn_cast<PointerType>(T))
    return openclTypeName(PT->getNonOpaquePointerElementType()) + "*";
  return "char";
}

struct ArgMetadata {
  SmallVector<Metadata *, 8> AddrSpace, AccessQual, Type, BaseType, TypeQual,
      Name;
};

// Element type behind a local_accessor<T> passed byval: its first field is
// the generic T*.
Type *localAccessorElement(Argument &A) {
  auto *Accessor = cast<StructType>(A.getParamByValType());
  auto *Ptr = cast<PointerType>(Accessor->getElementType(0));
  return Ptr->getNonOpaquePointerElementType();
}

Type *entryParamType(const KernelRecord::Param &P, Argument &A) {
  switch (P.Kind) {
  case ParamKind::Index:
    return nullptr;
  case ParamKind::Boolean:
    return Type::getInt8Ty(A.getContext());
  case ParamKind::GlobalPointer:
    return PointerType::get(
        cast<PointerType>(A.getType())->getNonOpaquePointerElementType(),
        addrspace::Global);
  case ParamKind::LocalAccessor:
    return PointerType::get(localAccessorElement(A), addrspace::Local);
  case ParamKind::Scalar:
  case ParamKind::ByValue:
    return A.getType();
  }
  llvm_unreachable("unknown ParamKind");
}

// The item holds its range as `size_t range_[Dims]`, its only member.
Error checkItemLayout(const KernelRecord &K, Type *ItemTy) {
  auto *ST = dyn_cast<StructType>(ItemTy);
  auto *Range = ST && ST->getNumElements() == 1
                    ? dyn_cast<ArrayType>(ST->getElementType(0))
                    : nullptr;
  if (!Range || Range->getNumElements() != K.Dimensions ||
      !Range->getElementType()->isIntegerTy(64))
    return createStringError(inconvertibleErrorCode(),
                             "kernel '" + K.EntryName +
                                 "': dpex::item does not hold its range as "
                                 "size_t[" +
                                 std::to_string(K.Dimensions) +
                                 "]; kernel.hpp and dpexc disagree");
  return Error::success();
}

// Stores the range arguments into the item, then leaves `B` in a block that
// only a work-item inside the range reaches.
void guardItemRange(IRBuilder<> &B, const KernelRecord &K, Type *ItemTy,
                    Value *Item, ArrayRef<Argument *> Range) {
  Module &M = *B.GetInsertBlock()->getModule();
  LLVMContext &Ctx = M.getContext();
  Type *I64 = B.getInt64Ty();
  // IndexBuiltinLowering turns these into the GlobalInvocationId built-in.
  FunctionCallee GlobalId = M.getOrInsertFunction(
      "__dpex_global_id", FunctionType::get(I64, {B.getInt32Ty()}, false));
  cast<Function>(GlobalId.getCallee())->setCallingConv(CallingConv::SPIR_FUNC);
  Value *Outside = nullptr;
  for (unsigned D = 0; D < K.Dimensions; ++D) {
    Value *Field = B.CreateInBoundsGEP(
        ItemTy, Item, {B.getInt32(0), B.getInt32(0), B.getInt32(D)});
    B.CreateStore(Range[D], Field);
    // dpex dimension D is backend dimension Dimensions-1-D.
    CallInst *Id = B.CreateCall(GlobalId, B.getInt32(K.Dimensions - 1 - D));
    Id->setCallingConv(CallingConv::SPIR_FUNC);
    Value *Beyond = B.CreateICmpUGE(Id, Range[D]);
    Outside = Outside ? B.CreateOr(Outside, Beyond) : Beyond;
  }
  Function *Entry = B.GetInsertBlock()->getParent();
  BasicBlock *Inside = BasicBlock::Create(Ctx, "in.range", Entry);
  BasicBlock *Exit = BasicBlock::Create(Ctx, "out.of.range", Entry);
  B.CreateCondBr(Outside, Exit, Inside);
  ReturnInst::Create(Ctx, Exit);
  B.SetInsertPoint(Inside);
}

// With debug info, the entry is an artificial function at the kernel's
// definition, and the call to the body has that location: the body's code,
// once inlined, then sits in a described function (NVPTX writes line
// tables only for those) with a proper inlining chain.
void describeEntry(Function &Entry, const Function &Body, CallInst &Call) {
  DISubprogram *BodySP = Body.getSubprogram();
  if (!BodySP)
    return;
  DIBuilder DIB(*Entry.getParent(), /*AllowUnresolved=*/false,
                BodySP->getUnit());
  DISubprogram *SP = DIB.createFunction(
      BodySP->getFile(), Entry.getName(), Entry.getName(), BodySP->getFile(),
      BodySP->getLine(), BodySP->getType(), BodySP->getScopeLine(),
      DINode::FlagArtificial | DINode::FlagPrototyped,
      DISubprogram::SPFlagDefinition |
          (BodySP->isOptimized() ? DISubprogram::SPFlagOptimized
                                 : DISubprogram::SPFlagZero));
  Entry.setSubprogram(SP);
  Call.setDebugLoc(
      DILocation::get(Entry.getContext(), BodySP->getLine(), 0, SP));
  DIB.finalizeSubprogram(SP);
}

Expected<Function *> createEntry(Module &M, const KernelRecord &K) {
  Function *Body = K.Body;
  LLVMContext &Ctx = M.getContext();
  SmallVector<Type *, 8> ParamTypes;
  Type *ItemTy = nullptr; // an item kernel's index type
  for (auto [P, A] : zip(K.Params, Body->args())) {
    if (Type *T = entryParamType(P, A))
      ParamTypes.push_back(T);
    else if (!K.NDRange) {
      ItemTy = A.getParamByValType();
      if (Error E = checkItemLayout(K, ItemTy))
        return E;
    }
  }
  if (ItemTy)
    ParamTypes.append(K.Dimensions, Type::getInt64Ty(Ctx));
  LLVM_DEBUG(dbgs() << "entry " << K.EntryName << " with " << ParamTypes.size()
                    << " parameters" << (ItemTy ? ", range-guarded" : "")
                    << '\n');

  // The entry takes over the kernel's name; the body keeps a private one.
  Body->setName(K.EntryName + ".body");
  Body->setLinkage(GlobalValue::InternalLinkage);
  Function *Entry = Function::Create(
      FunctionType::get(Type::getVoidTy(Ctx), ParamTypes, false),
      GlobalValue::ExternalLinkage, K.EntryName, M);
  Entry->setCallingConv(CallingConv::SPIR_KERNEL);
  Entry->addFnAttr(Attribute::NoUnwind);
  Entry->addFnAttr(Attribute::NoRecurse);

  IRBuilder<> B(BasicBlock::Create(Ctx, "entry", Entry));
  ArgMetadata MD;
  Type *I32 = Type::getInt32Ty(Ctx);
  auto EntryArg = Entry->arg_begin();
  SmallVector<Value *, 8> CallArgs;
  Value *Item = nullptr;
  for (auto [P, A] : zip(K.Params, Body->args())) {
    if (P.Kind == ParamKind::Index) {
      Value *Index = B.CreateAlloca(A.getParamByValType(), nullptr, "index");
      if (ItemTy)
        Item = Index;
      CallArgs.push_back(Index);
      continue;
    }
    Argument &EA = *EntryArg++;
    EA.setName(P.Name);
    unsigned AS = addrspace::Private;
    switch (P.Kind) {
    case ParamKind::Boolean:
      CallArgs.push_back(B.CreateICmpNE(&EA, B.getInt8(0)));
      break;
    case ParamKind::GlobalPointer:
      AS = addrspace::Global;
      EA.addAttr(Attribute::NoUndef);
      CallArgs.push_back(B.CreateAddrSpaceCast(&EA, A.getType()));
      break;
    case ParamKind::LocalAccessor: {
      AS = addrspace::Local;
      Type *AccessorTy = A.getParamByValType();
      Value *Accessor =
          B.CreateAlloca(AccessorTy, nullptr, P.Name + ".accessor");
      Value *Field = B.CreateStructGEP(AccessorTy, Accessor, 0);
      Type *FieldTy = cast<StructType>(AccessorTy)->getElementType(0);
      B.CreateStore(B.CreateAddrSpaceCast(&EA, FieldTy), Field);
      CallArgs.push_back(Accessor);
      break;
    }
    case ParamKind::ByValue:
      Entry->addParamAttr(EA.getArgNo(), Attribute::getWithByValType(
                                             Ctx, A.getParamByValType()));
      CallArgs.push_back(&EA);
      break;
    case ParamKind::Scalar:
    case ParamKind::Index:
      CallArgs.push_back(&EA);
      break;
    }
    // A struct travels by value: OpenCL names its type, not the pointer.
    std::string TypeName = openclTypeName(
        P.Kind == ParamKind::ByValue ? A.getParamByValType() : EA.getType());
    MD.AddrSpace.push_back(ConstantAsMetadata::get(ConstantInt::get(I32, AS)));
    MD.AccessQual.push_back(MDString::get(Ctx, "none"));
    MD.Type.push_back(MDString::get(Ctx, TypeName));
    MD.BaseType.push_back(MDString::get(Ctx, TypeName));
    MD.TypeQual.push_back(MDString::get(Ctx, P.Const ? "const" : ""));
    MD.Name.push_back(MDString::get(Ctx, P.Name));
  }
  if (ItemTy) {
    SmallVector<Argument *, 3> Range;
    for (unsigned D = 0; D < K.Dimensions; ++D) {
      Argument &EA = *EntryArg++;
      EA.setName("__dpex_range" + std::to_string(D));
      Range.push_back(&EA);
      MD.AddrSpace.push_back(
          ConstantAsMetadata::get(ConstantInt::get(I32, addrspace::Private)));
      MD.AccessQual.push_back(MDString::get(Ctx, "none"));
      MD.Type.push_back(MDString::get(Ctx, "ulong"));
      MD.BaseType.push_back(MDString::get(Ctx, "ulong"));
      MD.TypeQual.push_back(MDString::get(Ctx, ""));
      MD.Name.push_back(MDString::get(Ctx, EA.getName()));
    }
    guardItemRange(B, K, ItemTy, Item, Range);
    ++NumRangeGuards;
  }
  // SPIR-V wants every OpVariable at the top of the first block, and at -O0
  // nothing promotes the index and accessor allocas away.
  BasicBlock &EntryBlock = Entry->getEntryBlock();
  for (Instruction &I : make_early_inc_range(EntryBlock))
    if (isa<AllocaInst>(I))
      I.moveBefore(EntryBlock.getFirstNonPHI());
  CallInst *Call = B.CreateCall(Body, CallArgs);
  Call->setCallingConv(Body->getCallingConv());
  // Parameter attributes (byval types) only: a call-site copy of -O0's
  // `noinline` would keep the body from being inlined.
  Call->setAttributes(Body->getAttributes().removeFnAttributes(Ctx));
  describeEntry(*Entry, *Body, *Call);
  B.CreateRetVoid();

  Entry->setMetadata("kernel_arg_addr_space", MDNode::get(Ctx, MD.AddrSpace));
  Entry->setMetadata("kernel_arg_access_qual", MDNode::get(Ctx, MD.AccessQual));
  Entry->setMetadata("kernel_arg_type", MDNode::get(Ctx, MD.Type));
  Entry->setMetadata("kernel_arg_base_type", MDNode::get(Ctx, MD.BaseType));
  Entry->setMetadata("kernel_arg_type_qual", MDNode::get(Ctx, MD.TypeQual));
  Entry->setMetadata("kernel_arg_name", MDNode::get(Ctx, MD.Name));
  if (MDNode *Size = Body->getMetadata("intel_reqd_sub_group_size"))
    Entry->setMetadata("intel_reqd_sub_group_size", Size);
  ++NumKernelEntries;
  return Entry;
}

} // namespace

PreservedAnalyses KernelABILoweringPass::run(Module &M,
                                             ModuleAnalysisManager &) {
  Expected<std::vector<KernelRecord>> Kernels = readKernelMetadata(M);
  if (!Kernels) {
    M.getContext().emitError(toString(Kernels.takeError()));
    return PreservedAnalyses::all();
  }
  if (Kernels->empty())
    return PreservedAnalyses::all();
  for (const KernelRecord &K : *Kernels)
    if (Expected<Function *> Entry = createEntry(M, K); !Entry) {
      M.getContext().emitError(toString(Entry.takeError()));
      return PreservedAnalyses::all();
    }
  // Consumed: the entries carry what later stages need.
  M.eraseNamedMetadata(M.getNamedMetadata("dpex.kernels"));
  return PreservedAnalyses::none();
}

} // namespace dpex
