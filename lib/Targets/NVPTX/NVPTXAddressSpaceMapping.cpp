// Renumbers the SPIR image's address spaces as NVPTX numbers them. SPIR's
// private (0), global (1), constant (2), local (3) and generic (4) are
// NVPTX's generic (0), global (1), const (4), shared (3) and generic (0).
// Private memory becomes generic, not NVPTX's local (5): NVPTX's data layout
// puts allocas in 0 and the backend itself moves them to local memory. Left
// in SPIR's numbers, a generic pointer was an NVPTX const pointer, and the
// cast of a global or shared pointer to it one that NVPTX cannot select.
//
// Every type that holds a pointer changes with it: globals, function
// signatures, instructions, constants, intrinsic overloads (llvm.memcpy's
// pointer types are in its name) and the address-space qualifiers in the
// mangled names of libclc's built-ins (`PU3AS4` SPIR generic is plain `P`
// for NVPTX, `PU3AS2` SPIR constant is `PU3AS4`). Casts between private and
// generic become no casts at all.
#include "dpex/compiler/TargetPasses.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

#define DEBUG_TYPE "dpex-nvptx-map-address-spaces"

using namespace llvm;

STATISTIC(NumGlobalsMoved, "Globals moved to their NVPTX address space");
STATISTIC(NumFunctionsRebuilt, "Functions rebuilt with NVPTX pointer types");
STATISTIC(NumBuiltinsRenamed,
          "Built-in declarations renamed for NVPTX address-space mangling");

namespace dpex {
namespace {

namespace nvptx {
constexpr unsigned Generic = 0;
constexpr unsigned Global = 1;
constexpr unsigned Shared = 3;
constexpr unsigned Const = 4;
} // namespace nvptx

unsigned nvptxSpace(unsigned SPIRSpace) {
  switch (SPIRSpace) {
  case addrspace::Private:
  case addrspace::Generic:
    return nvptx::Generic;
  case addrspace::Global:
    return nvptx::Global;
  case addrspace::Constant:
    return nvptx::Const;
  case addrspace::Local:
    return nvptx::Shared;
  default:
    return SPIRSpace;
  }
}

// SPIR types to NVPTX types: each pointer's space renumbered, through
// arrays, vectors, structs and function types.
class SpaceTypeMapper final : public ValueMapTypeRemapper {
public:
  Type *remapType(Type *T) override {
    if (auto It = Mapped.find(T); It != Mapped.end())
      return It->second;
    // A typed-pointer struct may reach itself: it stays itself inside.
    Mapped[T] = T;
    Type *New = compute(T);
    Mapped[T] = New;
    return New;
  }

private:
  Type *compute(Type *T) {
    if (auto *PT = dyn_cast<PointerType>(T)) {
      unsigned Space = nvptxSpace(PT->getAddressSpace());
      if (PT->isOpaque())
        return PointerType::get(PT->getContext(), Space);
      return PointerType::get(remapType(PT->getNonOpaquePointerElementType()),
                              Space);
    }
    if (auto *AT = dyn_cast<ArrayType>(T))
      return ArrayType::get(remapType(AT->getElementType()),
                            AT->getNumElements());
    if (auto *VT = dyn_cast<VectorType>(T))
      return VectorType::get(remapType(VT->getElementType()),
                             VT->getElementCount());
    if (auto *FT = dyn_cast<FunctionType>(T)) {
      SmallVector<Type *, 8> Params;
      for (Type *P : FT->params())
        Params.push_back(remapType(P));
      return FunctionType::get(remapType(FT->getReturnType()), Params,
                               FT->isVarArg());
    }
    if (auto *ST = dyn_cast<StructType>(T)) {
      if (ST->isOpaque())
        return ST;
      SmallVector<Type *, 8> Elements;
      for (Type *E : ST->elements())
        Elements.push_back(remapType(E));
      if (ArrayRef<Type *>(Elements) == ST->elements())
        return ST;
      if (ST->isLiteral())
        return StructType::get(ST->getContext(), Elements, ST->isPacked());
      return StructType::create(ST->getContext(), Elements, ST->getName(),
                                ST->isPacked());
    }
    return T;
  }

  DenseMap<Type *, Type *> Mapped;
};

// A constant cast between private and generic memory, one space for NVPTX,
// becomes its operand (an addrspacecast within one space is no valid IR).
class SameSpaceCastFolder final : public ValueMaterializer {
public:
  SameSpaceCastFolder(ValueToValueMapTy &VMap, RemapFlags Flags,
                      SpaceTypeMapper &Types)
      : VMap(VMap), Flags(Flags), Types(Types) {}

  Value *materialize(Value *V) override {
    auto *CE = dyn_cast<ConstantExpr>(V);
    if (!CE || CE->getOpcode() != Instruction::AddrSpaceCast)
      return nullptr;
    auto *To = cast<PointerType>(Types.remapType(CE->getType()));
    if (To->getAddressSpace() !=
        nvptxSpace(CE->getOperand(0)->getType()->getPointerAddressSpace()))
      return nullptr;
    auto *Operand =
        cast<Constant>(MapValue(CE->getOperand(0), VMap, Flags, &Types, this));
    return ConstantExpr::getPointerCast(Operand, To);
  }

private:
  ValueToValueMapTy &VMap;
  RemapFlags Flags;
  SpaceTypeMapper &Types;
};

// The attributes that carry a type (byval(T), sret(T)...) with it remapped.
AttributeList remapTypeAttributes(LLVMContext &Ctx, AttributeList Attrs,
                                  unsigned NumParams, SpaceTypeMapper &Types) {
  for (unsigned Arg = 0; Arg < NumParams; ++Arg)
    for (Attribute A : Attrs.getParamAttrs(Arg))
      if (A.isTypeAttribute())
        if (Type *T = A.getValueAsType())
          Attrs = Attrs.replaceAttributeTypeAtIndex(
              Ctx, Arg + AttributeList::FirstArgIndex, A.getKindAsEnum(),
              Types.remapType(T));
  return Attrs;
}

// `_Z5fractfPU3AS4f` -> `_Z5fractfPf`, `_Z6vload4mPU3AS2Kf` ->
// `_Z6vload4mPU3AS4Kf`: the name libclc's nvptx64 library gives the
// built-in, whose pointer qualifiers are NVPTX address spaces; "" when the
// name has no SPIR qualifier to rename. Dropping a qualifier renumbers the
// substitutions (`S_`) after it, so names with any are left alone.
std::string nvptxMangledName(StringRef Name) {
  StringRef Rest = Name;
  unsigned Length = 0;
  if (!Rest.consume_front("_Z") || Rest.consumeInteger(10, Length) ||
      Length > Rest.size())
    return "";
  StringRef Params = Rest.drop_front(Length);
  std::string Renamed = Name.drop_back(Params.size()).str();
  bool Changed = false;
  while (!Params.empty()) {
    if (Params.consume_front("U3AS4")) {
      Changed = true;
      continue;
    }
    if (Params.consume_front("U3AS2")) {
      Renamed += "U3AS4";
      Changed = true;
      continue;
    }
    // Global and local: the same numbers for NVPTX.
    if (Params.startswith("U3AS")) {
      Renamed += Params.take_front(5);
      Params = Params.drop_front(5);
      continue;
    }
    if (Params.front() == 'S')
      return "";
    Renamed += Params.front();
    Params = Params.drop_front();
  }
  return Changed ? Renamed : "";
}

// The declaration `F` (already of NVPTX types) under its libclc name.
void renameBuiltin(Module &M, Function &F) {
  std::string Name = nvptxMangledName(F.getName());
  if (Name.empty())
    return;
  LLVM_DEBUG(dbgs() << "renaming " << F.getName() << " to " << Name << '\n');
  ++NumBuiltinsRenamed;
  Function *Existing = M.getFunction(Name);
  if (!Existing) {
    F.setName(Name);
    return;
  }
  F.replaceAllUsesWith(ConstantExpr::getPointerCast(Existing, F.getType()));
  F.eraseFromParent();
}

// The intrinsic `F` overloaded on NVPTX types: `llvm.memcpy.p4.p1.i64`
// becomes `llvm.memcpy.p0.p1.i64`.
Function *remapIntrinsic(Module &M, Function &F, SpaceTypeMapper &Types) {
  SmallVector<Type *, 4> Overloads;
  if (!Intrinsic::getIntrinsicSignature(&F, Overloads))
    return nullptr;
  for (Type *&T : Overloads)
    T = Types.remapType(T);
  return Intrinsic::getDeclaration(&M, F.getIntrinsicID(), Overloads);
}

// `F` under its NVPTX signature, its body moved there; arguments mapped in
// `VMap`. Null when nothing in the signature changes.
Function *rebuildFunction(Module &M, Function &F, SpaceTypeMapper &Types,
                          ValueToValueMapTy &VMap) {
  auto *Type = cast<FunctionType>(Types.remapType(F.getFunctionType()));
  if (Type == F.getFunctionType())
    return nullptr;
  if (F.isIntrinsic())
    return remapIntrinsic(M, F, Types);
  Function *New = Function::Create(Type, F.getLinkage(), F.getAddressSpace(),
                                   F.getName() + ".nvptx");
  M.getFunctionList().insert(F.getIterator(), New);
  New->copyAttributesFrom(&F);
  New->setAttributes(remapTypeAttributes(M.getContext(), F.getAttributes(),
                                         F.arg_size(), Types));
  New->copyMetadata(&F, 0);
  New->getBasicBlockList().splice(New->end(), F.getBasicBlockList());
  for (auto [Old, Arg] : zip(F.args(), New->args())) {
    Arg.takeName(&Old);
    VMap[&Old] = &Arg;
  }
  ++NumFunctionsRebuilt;
  return New;
}

GlobalVariable *moveGlobal(Module &M, GlobalVariable &G,
                           SpaceTypeMapper &Types) {
  Type *ValueType = Types.remapType(G.getValueType());
  unsigned Space = nvptxSpace(G.getAddressSpace());
  if (ValueType == G.getValueType() && Space == G.getAddressSpace())
    return nullptr;
  auto *New =
      new GlobalVariable(M, ValueType, G.isConstant(), G.getLinkage(), nullptr,
                         G.getName() + ".nvptx", &G, G.getThreadLocalMode(),
                         Space, G.isExternallyInitialized());
  New->copyAttributesFrom(&G);
  New->copyMetadata(&G, 0);
  ++NumGlobalsMoved;
  return New;
}

// Replaces `Old` (no longer used by the module's code) by `New`, which
// takes its name unless it is an intrinsic, named for its overloads.
void retire(GlobalValue &Old, GlobalValue &New) {
  Old.removeDeadConstantUsers();
  if (!Old.use_empty())
    Old.replaceAllUsesWith(
        ConstantExpr::getPointerBitCastOrAddrSpaceCast(&New, Old.getType()));
  std::string Name = Old.getName().str();
  bool Intrinsic = isa<Function>(Old) && cast<Function>(Old).isIntrinsic();
  Old.eraseFromParent();
  if (!Intrinsic)
    New.setName(Name);
}

// Casts that NVPTX's numbering turned into casts within one space.
void removeSameSpaceCasts(Function &F) {
  for (Instruction &I : make_early_inc_range(instructions(F))) {
    auto *Cast = dyn_cast<AddrSpaceCastInst>(&I);
    if (!Cast || Cast->getSrcAddressSpace() != Cast->getDestAddressSpace())
      continue;
    IRBuilder<> B(Cast);
    Value *Same = B.CreatePointerCast(Cast->getPointerOperand(),
                                      Cast->getType(), Cast->getName());
    Cast->replaceAllUsesWith(Same);
    Cast->eraseFromParent();
  }
}

} // namespace

PreservedAnalyses NVPTXAddressSpaceMappingPass::run(Module &M,
                                                    ModuleAnalysisManager &) {
  SpaceTypeMapper Types;
  ValueToValueMapTy VMap;
  const RemapFlags Flags =
      RF_IgnoreMissingLocals | RF_ReuseAndMutateDistinctMDs;
  SameSpaceCastFolder Folder(VMap, Flags, Types);

  // The module's own globals and functions; their NVPTX copies join it.
  SmallVector<std::pair<GlobalVariable *, GlobalVariable *>, 16> Globals;
  for (GlobalVariable &G : M.globals())
    Globals.emplace_back(&G, nullptr);
  SmallVector<std::pair<Function *, Function *>, 16> Functions;
  for (Function &F : M)
    Functions.emplace_back(&F, nullptr);
  for (auto &[Old, New] : Globals) {
    New = moveGlobal(M, *Old, Types);
    VMap[Old] = New ? New : Old;
  }
  for (auto &[Old, New] : Functions) {
    New = rebuildFunction(M, *Old, Types, VMap);
    VMap[Old] = New ? New : Old;
  }

  for (auto [Old, New] : Functions) {
    Function &F = New ? *New : *Old;
    for (Instruction &I : instructions(F))
      RemapInstruction(&I, VMap, Flags, &Types, &Folder);
    removeSameSpaceCasts(F);
  }
  for (auto [Old, New] : Globals)
    if (Old->hasInitializer())
      (New ? New : Old)
          ->setInitializer(
              MapValue(Old->getInitializer(), VMap, Flags, &Types, &Folder));
  for (NamedMDNode &Named : M.named_metadata())
    for (unsigned I = 0; I < Named.getNumOperands(); ++I)
      Named.setOperand(
          I, MapMetadata(Named.getOperand(I), VMap, Flags, &Types, &Folder));

  for (auto [Old, New] : Globals)
    if (New)
      retire(*Old, *New);
  for (auto [Old, New] : Functions)
    if (New)
      retire(*Old, *New);
  SmallVector<Function *, 16> Declarations;
  for (Function &F : M)
    if (F.isDeclaration() && !F.isIntrinsic())
      Declarations.push_back(&F);
  for (Function *F : Declarations)
    renameBuiltin(M, *F);
  return PreservedAnalyses::none();
}

} // namespace dpex
