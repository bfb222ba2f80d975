// Plain C/C++ math in a kernel (`sqrtf`, `std::exp`, `pow`) reaches the
// device module as libm calls or as LLVM math intrinsics, which Clang emits
// for the libm built-ins. Neither has a definition on the device, and the
// translator maps only some intrinsics. Each becomes the SPIR-V friendly
// built-in `__spirv_ocl_<name>` that <dpex/kernel.hpp>'s dpex:: math calls,
// so all math reaches SPIR-V as an OpenCL.std OpExtInst. It runs after the
// optimiser, which can itself turn a call into a math intrinsic.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-lower-math-builtins"

using namespace llvm;

STATISTIC(NumMathCallsLowered, "Math calls turned into OpenCL.std built-ins");

namespace dpex {
namespace {

// libm base name (the double version) → OpenCL.std name.
constexpr std::pair<const char *, const char *> LibmFunctions[] = {
    {"sqrt", "sqrt"}, {"cbrt", "cbrt"},   {"exp", "exp"},
    {"exp2", "exp2"}, {"expm1", "expm1"}, {"log", "log"},
    {"log2", "log2"}, {"log10", "log10"}, {"log1p", "log1p"},
    {"pow", "pow"},   {"sin", "sin"},     {"cos", "cos"},
    {"tan", "tan"},   {"asin", "asin"},   {"acos", "acos"},
    {"atan", "atan"}, {"atan2", "atan2"}, {"sinh", "sinh"},
    {"cosh", "cosh"}, {"tanh", "tanh"},   {"erf", "erf"},
    {"erfc", "erfc"}, {"fabs", "fabs"},   {"fmin", "fmin"},
    {"fmax", "fmax"}, {"fma", "fma"},     {"floor", "floor"},
    {"ceil", "ceil"}, {"trunc", "trunc"}, {"round", "round"},
    {"fmod", "fmod"}, {"hypot", "hypot"},
};

// C99 functions outside the dpex:: set, same signature as OpenCL's.
constexpr std::pair<const char *, const char *> C99Functions[] = {
    {"asinh", "asinh"},         {"acosh", "acosh"},
    {"atanh", "atanh"},         {"lgamma", "lgamma"},
    {"tgamma", "tgamma"},       {"remainder", "remainder"},
    {"nextafter", "nextafter"}, {"fdim", "fdim"},
    {"logb", "logb"},           {"copysign", "copysign"},
    {"rint", "rint"},           {"nearbyint", "rint"},
    {"exp10", "exp10"},
};

// C99 intrinsics Clang and the optimiser form.
constexpr std::pair<Intrinsic::ID, const char *> C99Intrinsics[] = {
    {Intrinsic::copysign, "copysign"},
    {Intrinsic::rint, "rint"},
    {Intrinsic::nearbyint, "rint"},
    {Intrinsic::roundeven, "rint"},
};

// LLVM intrinsic → OpenCL.std name. minnum/maxnum have fmin/fmax's NaN rule.
constexpr std::pair<Intrinsic::ID, const char *> MathIntrinsics[] = {
    {Intrinsic::sqrt, "sqrt"},   {Intrinsic::exp, "exp"},
    {Intrinsic::exp2, "exp2"},   {Intrinsic::log, "log"},
    {Intrinsic::log2, "log2"},   {Intrinsic::log10, "log10"},
    {Intrinsic::pow, "pow"},     {Intrinsic::sin, "sin"},
    {Intrinsic::cos, "cos"},     {Intrinsic::fabs, "fabs"},
    {Intrinsic::floor, "floor"}, {Intrinsic::ceil, "ceil"},
    {Intrinsic::trunc, "trunc"}, {Intrinsic::round, "round"},
    {Intrinsic::fma, "fma"},     {Intrinsic::minnum, "fmin"},
    {Intrinsic::maxnum, "fmax"},
};

// The OpenCL.std name that replaces `F`, or null if `F` is not libm math.
const char *openclName(const Function &F) {
  if (Intrinsic::ID ID = F.getIntrinsicID()) {
    for (auto [I, Name] : MathIntrinsics)
      if (I == ID)
        return Name;
    for (auto [I, Name] : C99Intrinsics)
      if (I == ID)
        return Name;
    return nullptr;
  }
  static const StringMap<const char *> Libm = [] {
    StringMap<const char *> M;
    for (auto Table : {ArrayRef(LibmFunctions), ArrayRef(C99Functions)})
      for (auto [Base, Name] : Table) {
        M[Base] = Name;
        M[(Twine(Base) + "f").str()] = Name;
      }
    return M;
  }();
  auto It = Libm.find(F.getName());
  return It == Libm.end() ? nullptr : It->second;
}

// `_Z<len>__spirv_ocl_<name>` plus `f` or `d` per parameter, as Clang
// mangles the declarations in <dpex/kernel.hpp>.
std::string spirvBuiltinName(StringRef Name, FunctionType *FT) {
  std::string Base = ("__spirv_ocl_" + Name).str();
  std::string Mangled = "_Z" + std::to_string(Base.size()) + Base;
  for (Type *P : FT->params())
    Mangled += P->isFloatTy() ? 'f' : 'd';
  return Mangled;
}

bool isFloatOrDouble(Type *T) { return T->isFloatTy() || T->isDoubleTy(); }

} // namespace

PreservedAnalyses MathBuiltinLoweringPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    if (!F.isDeclaration())
      continue;
    const char *Name = openclName(F);
    FunctionType *FT = F.getFunctionType();
    // Only scalar float/double: vector or half math has no such built-in.
    if (!Name || !isFloatOrDouble(FT->getReturnType()) ||
        !all_of(FT->params(),
                [&](Type *P) { return P == FT->getReturnType(); }))
      continue;
    std::string BuiltinName = spirvBuiltinName(Name, FT);
    LLVM_DEBUG(dbgs() << "lowering " << F.getName() << " to " << BuiltinName
                      << '\n');
    Function *Builtin =
        cast<Function>(M.getOrInsertFunction(BuiltinName, FT).getCallee());
    Builtin->setCallingConv(CallingConv::SPIR_FUNC);
    Builtin->setDoesNotAccessMemory();
    Builtin->setDoesNotThrow();
    Builtin->setWillReturn();
    Changed |= rewriteCalls(F, [&](IRBuilder<> &B, CallInst &Call) {
      ++NumMathCallsLowered;
      SmallVector<Value *, 3> Args(Call.args());
      CallInst *New = B.CreateCall(Builtin, Args);
      New->setCallingConv(CallingConv::SPIR_FUNC);
      New->takeName(&Call);
      return New;
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
