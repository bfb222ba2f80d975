// The `!dpex.kernels` named metadata: one node per kernel,
//   !{<function>, !"<entry>", !"item"|"nd_item", i32 <dims>, !{<param>...}}
// with each parameter !{!"<kind>", !"<name>", i1 <pointer to const>}.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

#include <optional>

using namespace llvm;

namespace dpex {

static constexpr const char *KernelsMD = "dpex.kernels";

static bool isConstPointer(const KernelParam &P) {
  return P.Kind == ParamKind::GlobalPointer &&
         StringRef(P.TypeName).startswith("const ");
}

void attachKernelMetadata(Module &M, const std::vector<KernelInfo> &Kernels) {
  LLVMContext &Ctx = M.getContext();
  NamedMDNode *Root = M.getOrInsertNamedMetadata(KernelsMD);
  Type *I32 = Type::getInt32Ty(Ctx);
  Type *I1 = Type::getInt1Ty(Ctx);
  for (const KernelInfo &K : Kernels) {
    Function *F = M.getFunction(K.MangledName);
    if (!F)
      continue;
    SmallVector<Metadata *, 8> Params;
    for (const KernelParam &P : K.Params)
      Params.push_back(MDNode::get(
          Ctx,
          {MDString::get(Ctx, paramKindName(P.Kind)),
           MDString::get(Ctx, P.Name),
           ConstantAsMetadata::get(ConstantInt::get(I1, isConstPointer(P)))}));
    Root->addOperand(MDNode::get(
        Ctx, {ValueAsMetadata::get(F), MDString::get(Ctx, K.EntryName),
              MDString::get(Ctx, K.NDRange ? "nd_item" : "item"),
              ConstantAsMetadata::get(ConstantInt::get(I32, K.Dimensions)),
              MDNode::get(Ctx, Params)}));
  }
}

static Error malformed(const Twine &What) {
  return createStringError(inconvertibleErrorCode(),
                           "malformed !dpex.kernels metadata: " + What);
}

Expected<std::vector<KernelRecord>> readKernelMetadata(Module &M) {
  std::vector<KernelRecord> Out;
  NamedMDNode *Root = M.getNamedMetadata(KernelsMD);
  if (!Root)
    return Out;
  for (const MDNode *N : Root->operands()) {
    if (N->getNumOperands() != 5)
      return malformed("a kernel node needs 5 operands");
    auto *FnMD = dyn_cast_or_null<ValueAsMetadata>(N->getOperand(0).get());
    auto *Entry = dyn_cast_or_null<MDString>(N->getOperand(1).get());
    auto *Index = dyn_cast_or_null<MDString>(N->getOperand(2).get());
    auto *Dims = mdconst::dyn_extract_or_null<ConstantInt>(N->getOperand(3));
    auto *Params = dyn_cast_or_null<MDNode>(N->getOperand(4).get());
    Function *F = FnMD ? dyn_cast<Function>(FnMD->getValue()) : nullptr;
    if (!F || !Entry || !Index || !Dims || !Params)
      return malformed("expected {function, entry, index kind, dims, params}");
    KernelRecord R{F,
                   Entry->getString().str(),
                   Index->getString() == "nd_item",
                   static_cast<unsigned>(Dims->getZExtValue()),
                   {}};
    for (const MDOperand &PO : Params->operands()) {
      auto *P = dyn_cast_or_null<MDNode>(PO.get());
      if (!P || P->getNumOperands() != 3)
        return malformed("a parameter node needs 3 operands");
      auto *Kind = dyn_cast_or_null<MDString>(P->getOperand(0).get());
      auto *Name = dyn_cast_or_null<MDString>(P->getOperand(1).get());
      auto *Const = mdconst::dyn_extract_or_null<ConstantInt>(P->getOperand(2));
      if (!Kind || !Name || !Const)
        return malformed("expected {kind, name, const}");
      std::optional<ParamKind> PK =
          StringSwitch<std::optional<ParamKind>>(Kind->getString())
              .Case("index", ParamKind::Index)
              .Case("scalar", ParamKind::Scalar)
              .Case("boolean", ParamKind::Boolean)
              .Case("global_pointer", ParamKind::GlobalPointer)
              .Case("local_accessor", ParamKind::LocalAccessor)
              .Case("by_value", ParamKind::ByValue)
              .Default(std::nullopt);
      if (!PK)
        return malformed("unknown parameter kind '" + Kind->getString() + "'");
      R.Params.push_back({*PK, Name->getString().str(), Const->isOne()});
    }
    if (R.Params.size() != F->arg_size())
      return malformed("kernel '" + F->getName() + "' has " +
                       Twine(F->arg_size()) + " parameters, metadata lists " +
                       Twine(R.Params.size()));
    Out.push_back(std::move(R));
  }
  return Out;
}

} // namespace dpex
