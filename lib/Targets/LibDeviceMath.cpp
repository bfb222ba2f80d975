// The PTX image's math functions from NVIDIA's libdevice, the library nvcc
// itself uses: the SPIR image's OpenCL built-in math calls (`_Z3expf`,
// `_Z4sqrtd`, `_Z3powff`) become calls of libdevice's `__nv_*` functions,
// which are linked in before libclc supplies everything else. libclc's
// nvptx math is written for OpenCL's portability, not for NVIDIA GPUs, and
// is much longer (issue: Black-Scholes at a third of nvcc's speed).
#include "LibDeviceMath.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"

#include <optional>

namespace dpex {
namespace {

llvm::Error fail(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg.str());
}

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
std::string libDeviceName(const llvm::Function &F) {
  static const llvm::StringMap<unsigned> Arity = [] {
    llvm::StringMap<unsigned> M;
    for (auto [Name, N] : MathFunctions)
      M[Name] = N;
    return M;
  }();
  llvm::StringRef Mangled = F.getName();
  unsigned Length = 0;
  if (!Mangled.consume_front("_Z") || Mangled.consumeInteger(10, Length) ||
      Length > Mangled.size())
    return "";
  llvm::StringRef Name = Mangled.take_front(Length);
  llvm::StringRef Params = Mangled.drop_front(Length);
  auto It = Arity.find(Name);
  llvm::Type *T = F.getReturnType();
  if (It == Arity.end() || !(T->isFloatTy() || T->isDoubleTy()))
    return "";
  char Code = T->isFloatTy() ? 'f' : 'd';
  if (Params.size() != It->second ||
      Params.find_first_not_of(Code) != llvm::StringRef::npos ||
      F.arg_size() != It->second ||
      llvm::any_of(F.args(),
                   [&](const llvm::Argument &A) { return A.getType() != T; }))
    return "";
  return ("__nv_" + Name + (T->isFloatTy() ? "f" : "")).str();
}

// The string a `__nvvm_reflect` call asks about: its argument is a pointer
// to a constant C string.
std::optional<llvm::StringRef> reflectQuery(const llvm::CallInst &Call) {
  auto *GV = llvm::dyn_cast<llvm::GlobalVariable>(
      Call.getArgOperand(0)->stripPointerCasts());
  if (!GV || !GV->hasInitializer())
    return std::nullopt;
  auto *Data =
      llvm::dyn_cast<llvm::ConstantDataSequential>(GV->getInitializer());
  if (!Data || !Data->isCString())
    return std::nullopt;
  return Data->getAsCString();
}

} // namespace

std::string findLibDevice() {
  llvm::SmallVector<std::string, 2> Roots;
  if (llvm::Optional<std::string> CudaPath =
          llvm::sys::Process::GetEnv("CUDA_PATH"))
    if (!CudaPath->empty())
      Roots.push_back(*CudaPath);
  Roots.push_back("/usr/local/cuda");
  for (const std::string &Root : Roots) {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, "nvvm", "libdevice", "libdevice.10.bc");
    if (llvm::sys::fs::is_regular_file(Path))
      return std::string(Path);
  }
  return "";
}

// libdevice's approximate float functions (`__nv_fast_<name>f`).
bool hasFastVersion(llvm::StringRef NVName) {
  static const llvm::StringSet<> Fast = {
      "__nv_expf", "__nv_exp10f", "__nv_logf", "__nv_log2f", "__nv_log10f",
      "__nv_sinf", "__nv_cosf",   "__nv_tanf", "__nv_powf"};
  return Fast.contains(NVName);
}

llvm::Error linkLibDeviceMath(llvm::Module &M, llvm::StringRef LibDevicePath,
                              bool Approximate) {
  std::vector<std::string> Wanted;
  for (llvm::Function &F : llvm::make_early_inc_range(M)) {
    if (!F.isDeclaration())
      continue;
    std::string Name = libDeviceName(F);
    if (Name.empty())
      continue;
    if (Approximate && hasFastVersion(Name))
      Name = ("__nv_fast_" + llvm::StringRef(Name).drop_front(5)).str();
    llvm::Function *NV = llvm::cast<llvm::Function>(
        M.getOrInsertFunction(Name, F.getFunctionType()).getCallee());
    F.replaceAllUsesWith(NV);
    F.eraseFromParent();
    Wanted.push_back(std::move(Name));
  }
  if (Wanted.empty())
    return llvm::Error::success();

  llvm::SMDiagnostic Diag;
  std::unique_ptr<llvm::Module> Lib =
      llvm::getLazyIRFileModule(LibDevicePath, Diag, M.getContext());
  if (!Lib)
    return fail("cannot read libdevice '" + LibDevicePath +
                "': " + Diag.getMessage());
  // libdevice says "nvptx64-nvidia-gpulibs" and an older data layout; its
  // code is for this target all the same.
  Lib->setTargetTriple(M.getTargetTriple());
  Lib->setDataLayout(M.getDataLayout());
  Lib->setModuleIdentifier("libdevice"); // no path in anything derived
  if (llvm::Linker::linkModules(M, std::move(Lib),
                                llvm::Linker::LinkOnlyNeeded))
    return fail("cannot link libdevice '" + LibDevicePath +
                "' into the device module");
  for (const std::string &Name : Wanted) {
    llvm::Function *F = M.getFunction(Name);
    if (!F || F->isDeclaration())
      return fail("'" + LibDevicePath + "' is not libdevice: it lacks " + Name);
  }
  return llvm::Error::success();
}

llvm::Error resolveNVVMReflect(llvm::Module &M, unsigned Arch,
                               const NVVMReflectSettings &Settings) {
  // Also for LLVM's own NVVMReflect, which the NVPTX backend runs again.
  M.addModuleFlag(llvm::Module::Override, "nvvm-reflect-ftz",
                  Settings.FlushDenormals ? 1 : 0);
  llvm::Function *Reflect = M.getFunction("__nvvm_reflect");
  if (!Reflect)
    return llvm::Error::success();
  // LLVM 15's NVVMReflect answers __CUDA_PREC_SQRT with 0, which makes
  // libdevice's sqrtf an approximation; nvcc's default is IEEE sqrt. So the
  // queries are answered here, all in one place.
  llvm::IntegerType *I32 = llvm::Type::getInt32Ty(M.getContext());
  for (llvm::User *U : llvm::make_early_inc_range(Reflect->users())) {
    auto *Call = llvm::dyn_cast<llvm::CallInst>(U);
    std::optional<llvm::StringRef> Query;
    if (Call)
      Query = reflectQuery(*Call);
    if (!Query)
      return fail("a __nvvm_reflect query that is not a constant string");
    int Value = 0; // what libdevice assumes of a feature it is not told of
    if (*Query == "__CUDA_FTZ")
      Value = Settings.FlushDenormals;
    else if (*Query == "__CUDA_PREC_SQRT")
      Value = Settings.PreciseSqrt;
    else if (*Query == "__CUDA_ARCH")
      Value = static_cast<int>(Arch) * 10; // sm_80: 800
    Call->replaceAllUsesWith(llvm::ConstantInt::get(I32, Value));
    Call->eraseFromParent();
  }
  Reflect->eraseFromParent();
  return llvm::Error::success();
}

} // namespace dpex
