// The PTX image's math functions from NVIDIA's libdevice, the library nvcc
// itself uses: the SPIR image's OpenCL built-in math calls (`_Z3expf`,
// `_Z4sqrtd`, `_Z3powff`) become calls of libdevice's `__nv_*` functions,
// which the PTX builder links in (linkLibDevice) before libclc supplies
// everything else. libclc's nvptx math is written for OpenCL's
// portability, not for NVIDIA GPUs, and is much longer (Black-Scholes ran
// at a third of nvcc's speed).
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-use-libdevice-math"

using namespace llvm;

STATISTIC(NumMathFunctionsMapped, "OpenCL math functions taken from libdevice");

namespace dpex {
namespace {

// The math of the kernel language (docs/kernel-language.md), by OpenCL name
// and arity. libdevice names each `__nv_<name>f` (float) and `__nv_<name>`
// (double), with the same meaning as OpenCL's.
constexpr std::pair<const char *, unsigned> MathFunctions[] = {
    {"sqrt", 1},  {"rsqrt", 1}, {"cbrt", 1},  {"exp", 1},   {"exp2", 1},
    {"expm1", 1}, {"log", 1},   {"log2", 1},  {"log10", 1}, {"log1p", 1},
    {"pow", 2},   {"sin", 1},   {"cos", 1},   {"tan", 1},   {"asin", 1},
    {"acos", 1},  {"atan", 1},  {"atan2", 2}, {"sinh", 1},  {"cosh", 1},
    {"tanh", 1},  {"erf", 1},   {"erfc", 1},  {"fabs", 1},  {"fmin", 2},
    {"fmax", 2},  {"fma", 3},   {"floor", 1}, {"ceil", 1},  {"trunc", 1},
    {"round", 1}, {"fmod", 2},  {"hypot", 2},
};

// `_Z3powff` -> "__nv_powf", `_Z4sqrtd` -> "__nv_sqrt": the libdevice
// function for an OpenCL 1.2 built-in of MathFunctions over scalar float or
// double (all parameters of the result's type), else "".
std::string libDeviceName(const Function &F) {
  static const StringMap<unsigned> Arity = [] {
    StringMap<unsigned> M;
    for (auto [Name, N] : MathFunctions)
      M[Name] = N;
    return M;
  }();
  StringRef Mangled = F.getName();
  unsigned Length = 0;
  if (!Mangled.consume_front("_Z") || Mangled.consumeInteger(10, Length) ||
      Length > Mangled.size())
    return "";
  StringRef Name = Mangled.take_front(Length);
  StringRef Params = Mangled.drop_front(Length);
  auto It = Arity.find(Name);
  Type *T = F.getReturnType();
  if (It == Arity.end() || !(T->isFloatTy() || T->isDoubleTy()))
    return "";
  char Code = T->isFloatTy() ? 'f' : 'd';
  if (Params.size() != It->second ||
      Params.find_first_not_of(Code) != StringRef::npos ||
      F.arg_size() != It->second ||
      any_of(F.args(), [&](const Argument &A) { return A.getType() != T; }))
    return "";
  return ("__nv_" + Name + (T->isFloatTy() ? "f" : "")).str();
}

// libdevice's approximate float functions (`__nv_fast_<name>f`).
bool hasFastVersion(StringRef NVName) {
  static const StringSet<> Fast = {"__nv_expf",  "__nv_exp10f", "__nv_logf",
                                   "__nv_log2f", "__nv_log10f", "__nv_sinf",
                                   "__nv_cosf",  "__nv_tanf",   "__nv_powf"};
  return Fast.contains(NVName);
}

} // namespace

PreservedAnalyses NVPTXLibDeviceMathPass::run(Module &M,
                                              ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    if (!F.isDeclaration())
      continue;
    std::string Name = libDeviceName(F);
    if (Name.empty())
      continue;
    if (Approximate && hasFastVersion(Name))
      Name = ("__nv_fast_" + StringRef(Name).drop_front(5)).str();
    LLVM_DEBUG(dbgs() << F.getName() << " becomes " << Name << "\n");
    auto *NV = cast<Function>(
        M.getOrInsertFunction(Name, F.getFunctionType()).getCallee());
    F.replaceAllUsesWith(NV);
    F.eraseFromParent();
    ++NumMathFunctionsMapped;
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
